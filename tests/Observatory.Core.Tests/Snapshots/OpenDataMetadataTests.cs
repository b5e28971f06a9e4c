using System.Text;
using System.Text.Json;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots;
using Observatory.Core.Tests.Sdmx;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>codelists.csv, the indicators' metadata, datacite.json, the publisher and the READMEs in four languages.</summary>
public class OpenDataMetadataTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    private static readonly string[] CodedColumns = ["country", "indicator", "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE", "value_code", "unit", "flag"];

    [Fact]
    public void Every_code_of_a_coded_column_of_the_observations_has_four_labels_in_codelists_csv()
    {
        var codelists = CsvText.Parse(snapshot.Output[SnapshotFileNames.CodelistsCsv]);
        Assert.Equal(["list", "column", "sdmx_column", "code", "label_en", "label_es", "label_pt", "label_fr"], codelists[0]);
        var listed = codelists.Skip(1).Where(r => r[1].Length > 0).Select(r => (r[1], r[3])).ToHashSet();
        Assert.All(codelists.Skip(1), r => Assert.All(r[4..], label => Assert.False(string.IsNullOrWhiteSpace(label), $"{r[0]} {r[3]} lacks a label")));
        Assert.Equal(codelists.Count - 1, codelists.Skip(1).Select(r => (r[0], r[3])).Distinct().Count());

        var observations = CsvText.Parse(snapshot.Output[SnapshotFileNames.ObservationsCsv]);
        var header = observations[0].ToList();
        foreach (var column in CodedColumns)
        {
            var index = header.IndexOf(column);
            foreach (var value in observations.Skip(1).Select(r => r[index]).Where(v => v.Length > 0).Distinct())
                Assert.Contains((column, value), listed);
        }
        var female = codelists.Single(r => r[0] == "CL_SEX" && r[3] == "F");
        Assert.Equal(("SEX", "SEX", "Female", "Femenino"), (female[1], female[2], female[4], female[5]));
        Assert.Contains(codelists, r => r[0] == "CL_SEX" && r[3] == "_Z" && r[1] == "" && r[2] == "SEX");
        Assert.Contains(codelists, r => r[0] == "FLAG" && r[3] == "suppressed" && r[1] == "flag");
    }

    [Fact]
    public void The_shipped_catalog_gives_every_indicator_a_definition_source_methodology_and_comparability_in_four_languages()
    {
        var catalog = ReferenceDataSet.Default.Catalog;

        Assert.Equal("1", catalog.Version);
        Assert.Equal("1.1", catalog.MetadataVersion);
        foreach (var indicator in catalog.Indicators)
        {
            var metadata = indicator.Metadata;
            Assert.NotNull(metadata);
            foreach (var text in new[] { metadata.Definition, metadata.SourceAgencyType, metadata.Methodology, metadata.Comparability })
            {
                Assert.All(text.All, t => Assert.False(string.IsNullOrWhiteSpace(t), indicator.Code));
                Assert.Equal(4, text.All.Distinct(StringComparer.Ordinal).Count() + (text.Es == text.Pt ? 1 : 0));
            }
        }
    }

    [Fact]
    public async Task With_the_shipped_reference_data_indicators_csv_carries_the_metadata_and_structure_xml_validates()
    {
        var data = ReferenceDataSet.Default;
        var output = new MemorySnapshotOutput();
        await new SnapshotCompiler().CompileAsync(new SnapshotRequest(2025, "20260301T060000Z", SampleSnapshot.CreatedAt, data.Catalog, data.States),
            Array.Empty<ObservationSet>().ToAsyncEnumerable(), output, CancellationToken.None);

        var indicators = CsvText.Parse(output[SnapshotFileNames.IndicatorsCsv]);
        var header = indicators[0].ToList();
        var definitionEs = header.IndexOf("definition_es");
        var comparabilityFr = header.IndexOf("comparability_fr");
        Assert.True(definitionEs > 0 && comparabilityFr > definitionEs);
        Assert.Equal(data.Catalog.Indicators.Count, indicators.Count - 1);
        Assert.All(indicators.Skip(1), row => Assert.All(row[definitionEs..(comparabilityFr + 1)], cell => Assert.NotEqual("", cell)));
        var detected = indicators.Single(r => r[0] == "CT_VICT_DET");
        Assert.Contains("VC_HTF_DETV", detected[header.IndexOf("comparability_en")], StringComparison.Ordinal);

        Assert.Empty(SdmxStructureTests.Validate(output[SnapshotFileNames.SdmxStructure]));
        var codelists = CsvText.Parse(output[SnapshotFileNames.CodelistsCsv]);
        Assert.Equal(35, codelists.Count(r => r[0] == "CL_REF_AREA"));
    }

    [Fact]
    public void Datacite_json_has_what_a_DOI_needs_with_the_default_publisher()
    {
        var root = JsonDocument.Parse(snapshot.Output[SnapshotFileNames.DataCite]).RootElement;

        Assert.Equal("http://datacite.org/schema/kernel-4", root.GetProperty("schemaVersion").GetString());
        Assert.Equal("Dataset", root.GetProperty("types").GetProperty("resourceTypeGeneral").GetString());
        var creator = Assert.Single(root.GetProperty("creators").EnumerateArray());
        Assert.Equal(("Inter-American Children's Institute (IIN-OAS)", "Organizational"),
            (creator.GetProperty("name").GetString(), creator.GetProperty("nameType").GetString()));
        Assert.Equal("Inter-American Children's Institute (IIN-OAS)", root.GetProperty("publisher").GetString());
        Assert.Equal(["en", "es", "pt", "fr"], root.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("lang").GetString()));
        Assert.Equal(2026, root.GetProperty("publicationYear").GetInt32());
        Assert.Equal("20260301T060000Z", root.GetProperty("version").GetString());
        Assert.Equal("cc-by-4.0", root.GetProperty("rightsList")[0].GetProperty("rightsIdentifier").GetString());
        Assert.Contains(root.GetProperty("descriptions").EnumerateArray(), d => d.GetProperty("description").GetString()!.Contains("Av. 8 de Octubre 2904", StringComparison.Ordinal));
        Assert.False(root.TryGetProperty("doi", out _));
    }

    [Fact]
    public async Task The_configured_publisher_and_address_appear_in_the_citations_the_data_package_and_datacite_json()
    {
        var request = SampleSnapshot.Request() with { };
        request = request with { Publisher = "Instituto Interamericano del Niño, la Niña y Adolescentes", PublisherAddress = "Calle Falsa 123, Montevideo" };
        var output = new MemorySnapshotOutput();
        await new SnapshotCompiler().CompileAsync(request, SampleSnapshot.Data().ToAsyncEnumerable(), output, CancellationToken.None);

        foreach (var name in new[] { SnapshotFileNames.Readme, SnapshotFileNames.ReadmeEs, SnapshotFileNames.ReadmePt, SnapshotFileNames.ReadmeFr, SnapshotFileNames.DataCite, SnapshotFileNames.DataPackage })
        {
            var text = Encoding.UTF8.GetString(output[name]);
            Assert.Contains("Instituto Interamericano del Niño, la Niña y Adolescentes", text, StringComparison.Ordinal);
            Assert.Contains("Calle Falsa 123, Montevideo", text, StringComparison.Ordinal);
            Assert.DoesNotContain("IIN-OAS", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SnapshotFileNames.ReadmeEs, "# Trata y explotación sexual", "## Cómo citar", "Control de divulgación")]
    [InlineData(SnapshotFileNames.ReadmePt, "# Tráfico e exploração sexual", "## Como citar", "Controle de divulgação")]
    [InlineData(SnapshotFileNames.ReadmeFr, "# Traite et exploitation sexuelle", "## Comment citer", "Contrôle de la divulgation")]
    public void The_readme_is_published_in_spanish_portuguese_and_french(string name, string title, string cite, string disclosure)
    {
        var text = Encoding.UTF8.GetString(snapshot.Output[name]);

        Assert.StartsWith(title, text, StringComparison.Ordinal);
        Assert.Contains(cite, text, StringComparison.Ordinal);
        Assert.Contains(disclosure, text, StringComparison.Ordinal);
        Assert.Contains("20260301T060000Z", text, StringComparison.Ordinal);
        Assert.Contains("< 5", text, StringComparison.Ordinal);
        Assert.Contains("Inter-American Children's Institute (IIN-OAS), Av. 8 de Octubre 2904", text, StringComparison.Ordinal);
        foreach (var file in SampleSnapshot.FirstVersionFiles)
            Assert.Contains($"| {file} |", text, StringComparison.Ordinal);
    }
}

/// <summary>The smaller consistency points: encodings as published, the note in the workbook, the OFFENCE description.</summary>
public class OpenDataConsistencyTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private JsonElement Package => JsonDocument.Parse(snapshot.Output[SnapshotFileNames.DataPackage]).RootElement;

    [Fact]
    public void Every_declared_encoding_is_the_one_published_byte_order_mark_or_not()
    {
        var declared = 0;
        foreach (var resource in Package.GetProperty("resources").EnumerateArray())
        {
            if (!resource.TryGetProperty("encoding", out var encoding))
                continue;
            var name = resource.GetProperty("path").GetString()!;
            var bytes = snapshot.Output[name];
            var marked = bytes.AsSpan().StartsWith(ByteOrderMark);
            Assert.True(encoding.GetString() switch { "utf-8-sig" => marked, "utf-8" => !marked, _ => false }, $"{name}: {encoding.GetString()}, BOM {marked}");
            declared++;
        }
        Assert.True(declared >= 10);
        Assert.Equal("utf-8-sig", Package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "observations").GetProperty("encoding").GetString());
    }

    [Fact]
    public void The_workbook_keeps_the_note_text_of_the_other_formats_and_marks_formula_like_notes_quote_prefixed()
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(snapshot.Output[SnapshotFileNames.ObservationsXlsx]));
        var sheet = System.Xml.Linq.XDocument.Load(archive.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open());
        System.Xml.Linq.XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cells = sheet.Descendants(ns + "c").Select(c => (Style: (string?)c.Attribute("s"), Text: string.Concat(c.Descendants(ns + "t").Select(t => t.Value)))).ToList();
        var styles = System.Xml.Linq.XDocument.Load(archive.GetEntry("xl/styles.xml")!.Open());

        Assert.Equal("2", Assert.Single(cells, c => c.Text == "=HYPERLINK(\"http://example.invalid\",\"x\")").Style);
        Assert.Equal("2", Assert.Single(cells, c => c.Text == "-3 cases reclassified, see report").Style);
        Assert.Equal("2", Assert.Single(cells, c => c.Text == "\tDisque 100").Style);
        Assert.Null(Assert.Single(cells, c => c.Text == "2002").Style);
        Assert.DoesNotContain(cells, c => c.Text.StartsWith('\''));
        Assert.Equal("1", (string?)styles.Descendants(ns + "cellXfs").Single().Elements(ns + "xf").ElementAt(2).Attribute("quotePrefix"));

        var json = JsonDocument.Parse(snapshot.Output[SnapshotFileNames.ObservationsJson]).RootElement.EnumerateArray()
            .Select(r => r.GetProperty("note")).Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()).ToHashSet();
        Assert.Contains("=HYPERLINK(\"http://example.invalid\",\"x\")", json);
        Assert.Contains("\tDisque 100", json);
    }

    [Fact]
    public void The_OFFENCE_column_is_described_with_the_special_codes_it_has()
    {
        var fields = Package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "observations")
            .GetProperty("schema").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("description").GetString()!);

        Assert.Contains("(_T total)", fields["OFFENCE"], StringComparison.Ordinal);
        Assert.DoesNotContain("_U", fields["OFFENCE"], StringComparison.Ordinal);
        Assert.Contains("(_T total, _U unknown)", fields["SEX"], StringComparison.Ordinal);
    }
}
