using System.Text.Encodings.Web;
using System.Text.Json;

namespace Observatory.Core.Snapshots.Metadata;

/// <summary>
/// datapackage.json: a Frictionless Data Package v2 descriptor of the snapshot. Every file is a resource; the tabular
/// ones carry their Table Schema (the four observation files share one) and dialect. Written after the files it
/// describes so that each carries its size and SHA-256; SHA256SUMS, written after it, is described without them.
/// </summary>
internal static class DataPackageWriter
{
    public const string PackageProfile = "https://datapackage.org/profiles/2.0/datapackage.json";
    public const string ResourceProfile = "https://datapackage.org/profiles/2.0/dataresource.json";
    public const string SchemaProfile = "https://datapackage.org/profiles/2.0/tableschema.json";
    public const string DialectProfile = "https://datapackage.org/profiles/2.0/tabledialect.json";

    /// <summary>Writes the descriptor of <paramref name="written"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where the descriptor goes.</param>
    /// <param name="request">The version, publisher, threshold and reference data.</param>
    /// <param name="observations">The columns of the four observation files.</param>
    /// <param name="written">The files written so far, each described with its size and SHA-256.</param>
    /// <param name="statistics">The counts of what is published.</param>
    /// <param name="sdmx">The SDMX structure, for the schema of observations.sdmx.csv.</param>
    /// <param name="header">The package's name, title, description and source; by default those of the annual snapshot of the request's year.</param>
    public static void Write(Stream output, SnapshotRequest request, ObservationsTable observations, IReadOnlyList<SnapshotFile> written, SnapshotStatistics statistics,
        Sdmx.SdmxStructure? sdmx = null, PackageHeader? header = null)
    {
        header ??= PackageHeader.Annual(request);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", PackageProfile);
        json.WriteString("name", header.Name);
        json.WriteString("title", header.Title);
        json.WriteString("description", header.Description);
        json.WriteString("version", request.Version);
        json.WriteString("created", PublishedFormat.Timestamp(PublishedFormat.ToSecond(request.CreatedAt)));
        if (request.Homepage is not null)
            json.WriteString("homepage", request.Homepage.AbsoluteUri);
        json.WriteStartArray("keywords");
        foreach (var keyword in new[] { "child trafficking", "sexual exploitation of children", "SDG 16.2.2", "official statistics" })
            json.WriteStringValue(keyword);
        json.WriteEndArray();

        json.WriteStartArray("licenses");
        json.WriteStartObject();
        json.WriteString("name", SnapshotLicense.Id);
        json.WriteString("path", SnapshotLicense.Url);
        json.WriteString("title", SnapshotLicense.Title);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("sources");
        json.WriteStartObject();
        json.WriteString("title", header.Source);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("contributors");
        json.WriteStartObject();
        json.WriteString("title", request.Publisher);
        // Not part of the standard's contributor (descriptors may add properties): where the publisher is.
        json.WriteString("address", request.PublisherAddress);
        json.WriteStartArray("roles");
        json.WriteStringValue("publisher");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        // Not part of the standard (descriptors may add properties): the disclosure rules, for tools to read.
        json.WriteStartObject("disclosureControl");
        json.WriteNumber("threshold", request.SuppressionThreshold);
        json.WriteString("primary", DisclosureRules.Primary(request.SuppressionThreshold));
        json.WriteString("requirement", DisclosureRules.Requirement(request.SuppressionThreshold));
        json.WriteString("secondary", DisclosureRules.Secondary);
        json.WriteString("revisions", DisclosureRules.Revisions);
        json.WriteString("derived", DisclosureRules.Derived);
        json.WriteString("limits", DisclosureRules.Limits);
        json.WriteNumber("withheldRows", statistics.Withheld);
        json.WriteEndObject();

        json.WriteStartArray("resources");
        foreach (var file in written)
            WriteResource(json, file, observations, sdmx);
        WriteChecksumsResource(json);
        json.WriteEndArray();

        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteResource(Utf8JsonWriter json, SnapshotFile file, ObservationsTable observations, Sdmx.SdmxStructure? sdmx)
    {
        var description = ResourceDescriptions.For(file.Name);
        json.WriteStartObject();
        json.WriteString("$schema", ResourceProfile);
        json.WriteString("name", description.Name);
        json.WriteString("path", file.Name);
        if (description.Tabular)
            json.WriteString("type", "table");
        json.WriteString("title", description.Title);
        json.WriteString("description", description.Text);
        json.WriteString("format", description.Format);
        json.WriteString("mediatype", description.MediaType);
        if (description.Encoding is { } encoding)
            json.WriteString("encoding", encoding);
        json.WriteNumber("bytes", file.Size);
        json.WriteString("hash", "sha256:" + file.Sha256);
        switch (file.Name)
        {
            case SnapshotFileNames.ObservationsCsv:
                WriteCsvDialect(json);
                WriteSchema(json, observations.Columns.Select(c => c.Field));
                break;
            case SnapshotFileNames.ObservationsJson:
                json.WriteStartObject("dialect");
                json.WriteString("$schema", DialectProfile);
                json.WriteString("itemType", "object");
                json.WriteEndObject();
                WriteSchema(json, observations.Columns.Select(c => c.Field));
                break;
            case SnapshotFileNames.ObservationsXlsx:
                json.WriteStartObject("dialect");
                json.WriteString("$schema", DialectProfile);
                json.WriteString("sheetName", "observations");
                json.WriteBoolean("header", true);
                json.WriteEndObject();
                WriteSchema(json, observations.Columns.Select(c => c.Field));
                break;
            case SnapshotFileNames.ObservationsParquet:
                WriteSchema(json, observations.Columns.Select(c => c.Field));
                break;
            case SnapshotFileNames.ObservationsSdmxCsv when sdmx is not null:
                WriteCsvDialect(json);
                WriteSchema(json, sdmx.CsvFields());
                break;
            case SnapshotFileNames.IndicatorsCsv:
                WriteCsvDialect(json);
                WriteSchema(json, SideTables.IndicatorFields);
                break;
            case SnapshotFileNames.Sdg:
                WriteCsvDialect(json);
                WriteSchema(json, Sdg.SdgWriter.Fields);
                break;
            case SnapshotFileNames.Changes:
                WriteCsvDialect(json);
                WriteSchema(json, Revisions.ChangesCsvWriter.Fields(observations));
                break;
            case SnapshotFileNames.CodelistsCsv:
                WriteCsvDialect(json);
                WriteSchema(json, CodelistsTable.Fields);
                break;
            case SnapshotFileNames.CoverageCsv:
                WriteCsvDialect(json);
                WriteSchema(json, SideTables.CoverageFields);
                break;
            case Series.SeriesFileNames.Years:
                WriteCsvDialect(json);
                WriteSchema(json, Series.SeriesCompiler.YearFields);
                break;
        }
        json.WriteEndObject();
    }

    private static void WriteChecksumsResource(Utf8JsonWriter json)
    {
        var description = ResourceDescriptions.For(SnapshotFileNames.Checksums);
        json.WriteStartObject();
        json.WriteString("$schema", ResourceProfile);
        json.WriteString("name", description.Name);
        json.WriteString("path", SnapshotFileNames.Checksums);
        json.WriteString("title", description.Title);
        json.WriteString("description", description.Text);
        json.WriteString("format", description.Format);
        json.WriteString("mediatype", description.MediaType);
        json.WriteString("encoding", "utf-8");
        json.WriteEndObject();
    }

    private static void WriteCsvDialect(Utf8JsonWriter json)
    {
        json.WriteStartObject("dialect");
        json.WriteString("$schema", DialectProfile);
        json.WriteBoolean("header", true);
        json.WriteString("delimiter", ",");
        json.WriteString("lineTerminator", "\r\n");
        json.WriteString("quoteChar", "\"");
        json.WriteBoolean("doubleQuote", true);
        json.WriteEndObject();
    }

    private static void WriteSchema(Utf8JsonWriter json, IEnumerable<TableField> fields)
    {
        json.WriteStartObject("schema");
        json.WriteString("$schema", SchemaProfile);
        json.WriteStartArray("fields");
        foreach (var field in fields)
            WriteField(json, field);
        json.WriteEndArray();
        json.WriteStartArray("missingValues");
        json.WriteStringValue(string.Empty);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter json, TableField field)
    {
        json.WriteStartObject();
        json.WriteString("name", field.Name);
        json.WriteString("type", field.Type);
        json.WriteString("description", field.Description);
        if (field.ListDelimiter is { } delimiter)
        {
            json.WriteString("delimiter", delimiter);
            json.WriteString("itemType", "string");
        }
        if (field.Categories is { } categories)
        {
            json.WriteStartArray("categories");
            // Labels must be unique within a field's categories; where two coincide, the values alone are given.
            var labelled = categories.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() == categories.Count
                && categories.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() == categories.Count;
            foreach (var (value, label) in categories)
            {
                if (!labelled)
                {
                    json.WriteStringValue(value);
                    continue;
                }
                json.WriteStartObject();
                json.WriteString("value", value);
                json.WriteString("label", label);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (field.BlankMeans is { } blank)
        {
            json.WriteStartArray("missingValues");
            json.WriteStartObject();
            json.WriteString("value", string.Empty);
            json.WriteString("label", blank);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (field.Required)
        {
            json.WriteStartObject("constraints");
            json.WriteBoolean("required", true);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
