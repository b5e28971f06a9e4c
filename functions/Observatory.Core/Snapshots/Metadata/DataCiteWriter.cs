using System.Text.Encodings.Web;
using System.Text.Json;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Metadata;

/// <summary>
/// datacite.json: the snapshot's citation metadata in the JSON form of the DataCite Metadata Schema 4 (the attributes
/// a DataCite repository takes to mint a DOI): the publisher as creator, titles in the four languages, the version,
/// licence, dates and formats. It holds no DOI: the repository that mints one adds it.
/// </summary>
internal static class DataCiteWriter
{
    /// <summary>The schema the file follows.</summary>
    public const string SchemaVersion = "http://datacite.org/schema/kernel-4";

    /// <summary>The title of the data set in the four languages, for a reporting year.</summary>
    public static LocalizedText Titles(SnapshotRequest request)
    {
        var year = PublishedFormat.Year(request.Year);
        return new($"{request.Title}, {year}",
            $"Trata y explotación sexual de niñas, niños y adolescentes: indicadores anuales de los Estados miembros, {year}",
            $"Tráfico e exploração sexual de crianças e adolescentes: indicadores anuais dos Estados membros, {year}",
            $"Traite et exploitation sexuelle des enfants : indicateurs annuels des États membres, {year}");
    }

    public static byte[] Write(SnapshotRequest request, IReadOnlyList<SnapshotFile> written)
    {
        var year = PublishedFormat.Year(request.Year);
        var created = PublishedFormat.ToSecond(request.CreatedAt);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteStartObject("types");
            json.WriteString("resourceTypeGeneral", "Dataset");
            json.WriteString("resourceType", "Annual statistical indicators");
            json.WriteEndObject();

            json.WriteStartArray("creators");
            json.WriteStartObject();
            json.WriteString("name", request.Publisher);
            json.WriteString("nameType", "Organizational");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("titles");
            var titles = Titles(request);
            foreach (var (language, title) in new[] { ("en", titles.En), ("es", titles.Es), ("pt", titles.Pt), ("fr", titles.Fr) })
            {
                json.WriteStartObject();
                json.WriteString("title", title);
                json.WriteString("lang", language);
                if (language != "en")
                    json.WriteString("titleType", "TranslatedTitle");
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteString("publisher", request.Publisher);
            json.WriteNumber("publicationYear", created.Year);
            json.WriteString("language", "en");
            json.WriteString("version", request.Version);

            json.WriteStartArray("subjects");
            foreach (var subject in new[] { "child trafficking", "commercial sexual exploitation of children", "SDG 16.2.2", "official statistics" })
            {
                json.WriteStartObject();
                json.WriteString("subject", subject);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("contributors");
            json.WriteStartObject();
            json.WriteString("name", request.Publisher);
            json.WriteString("nameType", "Organizational");
            json.WriteString("contributorType", "DataCurator");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("dates");
            WriteDate(json, PublishedFormat.Timestamp(created), "Created", null);
            WriteDate(json, PublishedFormat.Timestamp(created), "Issued", null);
            WriteDate(json, $"{year}-01-01/{year}-12-31", "Other", "The reporting year the data describes");
            json.WriteEndArray();

            json.WriteStartArray("rightsList");
            json.WriteStartObject();
            json.WriteString("rights", SnapshotLicense.Title);
            json.WriteString("rightsUri", SnapshotLicense.Url);
            json.WriteString("rightsIdentifier", SnapshotLicense.Id.ToLowerInvariant());
            json.WriteString("rightsIdentifierScheme", "SPDX");
            json.WriteString("schemeUri", "https://spdx.org/licenses/");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("descriptions");
            WriteDescription(json, "Abstract",
                $"The annual indicators on trafficking and sexual exploitation of children that the national focal points of the member states reported to {request.Publisher} for {year}, with derived rates, in CSV, Parquet, JSON, Excel and SDMX. Small counts of child victims are withheld (see README.md).");
            WriteDescription(json, "Methods",
                "Administrative records compiled by each state's focal point, validated against the indicator catalog and published with disclosure control; see README.md and indicators.csv for each indicator's definition, sources, methodology and comparability.");
            WriteDescription(json, "Other", $"Publisher: {request.Publisher}, {request.PublisherAddress}.");
            json.WriteEndArray();

            json.WriteStartArray("geoLocations");
            json.WriteStartObject();
            json.WriteString("geoLocationPlace", "The Americas: member states of the Organization of American States");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("formats");
            foreach (var format in written.Select(f => f.ContentType.Split(';')[0]).Distinct(StringComparer.Ordinal))
                json.WriteStringValue(format);
            json.WriteEndArray();

            if (request.Homepage is not null)
            {
                json.WriteStartArray("relatedIdentifiers");
                json.WriteStartObject();
                json.WriteString("relatedIdentifier", request.Homepage.AbsoluteUri);
                json.WriteString("relatedIdentifierType", "URL");
                json.WriteString("relationType", "IsPublishedIn");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteDate(Utf8JsonWriter json, string date, string type, string? information)
    {
        json.WriteStartObject();
        json.WriteString("date", date);
        json.WriteString("dateType", type);
        if (information is not null)
            json.WriteString("dateInformation", information);
        json.WriteEndObject();
    }

    private static void WriteDescription(Utf8JsonWriter json, string type, string text)
    {
        json.WriteStartObject();
        json.WriteString("description", text);
        json.WriteString("descriptionType", type);
        json.WriteString("lang", "en");
        json.WriteEndObject();
    }
}
