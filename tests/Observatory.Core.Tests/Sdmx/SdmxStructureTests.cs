using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Observatory.Core.Snapshots;
using Observatory.Core.Tests.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Sdmx;

/// <summary>structure.xml and observations.sdmx.csv of the sample snapshot, read as an SDMX tool would.</summary>
public class SdmxStructureTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    private static readonly XNamespace Str = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    private static readonly XNamespace Com = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    private static readonly string[] Languages = ["en", "es", "pt", "fr"];

    private byte[] StructureXml => snapshot.Output[SnapshotFileNames.SdmxStructure];

    [Fact]
    public void Structure_xml_validates_against_the_SDMX_ML_2_1_schemas()
    {
        var errors = Validate(StructureXml);

        Assert.Empty(errors);
    }

    [Fact]
    public void The_schema_validation_reports_a_message_that_breaks_the_schemas()
    {
        var document = XDocument.Load(new MemoryStream(StructureXml));
        // A dimension without its position and with an element the schema does not allow.
        var dimension = document.Descendants(Str + "Dimension").First();
        dimension.Add(new XElement(Str + "Unknown"));
        using var broken = new MemoryStream();
        document.Save(broken);

        Assert.NotEmpty(Validate(broken.ToArray()));
    }

    [Fact]
    public void The_code_lists_and_concepts_have_names_in_the_four_languages()
    {
        var document = XDocument.Load(new MemoryStream(StructureXml));
        var named = document.Descendants(Str + "Codelist")
            .Concat(document.Descendants(Str + "Code"))
            .Concat(document.Descendants(Str + "Concept"))
            .ToList();

        Assert.True(named.Count > 50, $"only {named.Count} code lists, codes and concepts");
        foreach (var element in named)
        {
            var languages = element.Elements(Com + "Name").Select(n => (string?)n.Attribute(XNamespace.Xml + "lang")).ToList();
            Assert.True(Languages.SequenceEqual(languages), $"{element.Name.LocalName} {element.Attribute("id")?.Value}: {string.Join(",", languages)}");
            Assert.All(element.Elements(Com + "Name"), n => Assert.False(string.IsNullOrWhiteSpace(n.Value)));
        }
        var female = document.Descendants(Str + "Codelist").Single(l => l.Attribute("id")!.Value == "CL_SEX")
            .Elements(Str + "Code").Single(c => c.Attribute("id")!.Value == "F");
        Assert.Equal("Femenino", female.Elements(Com + "Name").Single(n => n.Attribute(XNamespace.Xml + "lang")!.Value == "es").Value);
    }

    [Fact]
    public void Every_column_of_the_sdmx_csv_is_a_component_of_the_DSD_and_every_code_is_in_its_code_list()
    {
        var dsd = DataStructure.Read(StructureXml);
        var rows = CsvText.Parse(snapshot.Output[SnapshotFileNames.ObservationsSdmxCsv]);
        var header = rows[0];

        Assert.Equal(["STRUCTURE", "STRUCTURE_ID", "ACTION"], header[..3]);
        Assert.Equal(
            ["REF_AREA", "TIME_PERIOD", "INDICATOR", "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE",
             "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "CONF_STATUS", "COMMENT"],
            header[3..]);
        // Every dimension, the measure and every attribute of the DSD has its column, and no column is anything else.
        Assert.Equal(dsd.Components.Keys.Order(StringComparer.Ordinal), header[3..].Order(StringComparer.Ordinal));
        Assert.True(rows.Count > 20);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(header.Length, row.Length);
            Assert.Equal(("datastructure", dsd.StructureId, "I"), (row[0], row[1], row[2]));
            for (var i = 3; i < header.Length; i++)
            {
                var (role, codelist) = dsd.Components[header[i]];
                if (codelist is null || row[i].Length == 0)
                {
                    Assert.True(row[i].Length > 0 || role is "Attribute" or "PrimaryMeasure", $"{header[i]} is blank");
                    continue;
                }
                Assert.True(dsd.Codes[codelist].Contains(row[i]), $"{header[i]}={row[i]} is not in {codelist}");
            }
        }
    }

    [Fact]
    public void The_sdmx_csv_has_the_rows_of_observations_csv_with_flags_as_observation_and_confidentiality_status()
    {
        var observations = CsvText.Parse(snapshot.Output[SnapshotFileNames.ObservationsCsv]);
        var sdmx = CsvText.Parse(snapshot.Output[SnapshotFileNames.ObservationsSdmxCsv]);
        var o = Columns(observations[0]);
        var s = Columns(sdmx[0]);

        Assert.Equal(observations.Count, sdmx.Count);
        foreach (var (plain, row) in observations.Skip(1).Zip(sdmx.Skip(1)))
        {
            Assert.Equal((plain[o["country"]], plain[o["year"]], plain[o["indicator"]]), (row[s["REF_AREA"]], row[s["TIME_PERIOD"]], row[s["INDICATOR"]]));
            foreach (var dimension in new[] { "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE" })
                Assert.Equal(plain[o[dimension]] is "" ? "_Z" : plain[o[dimension]], row[s[dimension]]);
            Assert.Equal(plain[o["value"]] + plain[o["value_code"]], row[s["OBS_VALUE"]]);
            Assert.Equal(plain[o["unit"]], row[s["UNIT_MEASURE"]]);
            Assert.Equal(plain[o["note"]], row[s["COMMENT"]]);
            var expected = plain[o["flag"]] switch
            {
                "suppressed" => ("", "C"),
                "estimated" => ("E", "F"),
                "provisional" => ("P", "F"),
                _ => ("A", "F"),
            };
            Assert.Equal(expected, (row[s["OBS_STATUS"]], row[s["CONF_STATUS"]]));
            if (expected.Item2 == "C")
                Assert.Equal("", row[s["OBS_VALUE"]]);
        }
        Assert.Contains(sdmx, r => r[s["CONF_STATUS"]] == "C");
        Assert.Contains(sdmx, r => r[s["OBS_STATUS"]] == "E" && r[s["INDICATOR"]] == "POP_U18");
        // Machine-read first: no byte-order mark.
        Assert.NotEqual(0xEF, snapshot.Output[SnapshotFileNames.ObservationsSdmxCsv][0]);
    }

    /// <summary>
    /// Leaves the sample's SDMX files where ./test.sh's R check reads them (with rsdmx), when it names a folder in
    /// OBSERVATORY_SDMX_SAMPLE_DIR; checks only that they were written.
    /// </summary>
    [Fact]
    public void The_sample_sdmx_files_are_exported_for_the_check_in_R_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("OBSERVATORY_SDMX_SAMPLE_DIR");
        if (string.IsNullOrEmpty(folder))
            return;
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { SnapshotFileNames.SdmxStructure, SnapshotFileNames.ObservationsSdmxCsv })
        {
            File.WriteAllBytes(Path.Combine(folder, name), snapshot.Output[name]);
            Assert.Equal(snapshot.Output[name], File.ReadAllBytes(Path.Combine(folder, name)));
        }
    }

    private static Dictionary<string, int> Columns(string[] header) =>
        header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);

    internal static List<string> Validate(byte[] xml)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Sdmx", "Schemas", "v2.1");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() };
        using (var schema = XmlReader.Create(Path.Combine(folder, "SDMXMessage.xsd"), readerSettings))
            schemas.Add(null, schema);
        schemas.Compile();

        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    /// <summary>The DSD as read from structure.xml itself, independent of the code that wrote it.</summary>
    private sealed record DataStructure(string StructureId, Dictionary<string, (string Role, string? Codelist)> Components, Dictionary<string, HashSet<string>> Codes)
    {
        public static DataStructure Read(byte[] xml)
        {
            var document = XDocument.Load(new MemoryStream(xml));
            var dsd = document.Descendants(Str + "DataStructure").Single();
            var components = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
            foreach (var element in dsd.Descendants().Where(e => e.Name.LocalName is "Dimension" or "TimeDimension" or "Attribute" or "PrimaryMeasure" && e.Attribute("id") is not null))
            {
                var codelist = element.Element(Str + "LocalRepresentation")?.Element(Str + "Enumeration")?.Element("Ref")?.Attribute("id")?.Value;
                components.Add(element.Attribute("id")!.Value, (element.Name.LocalName, codelist));
            }
            var codes = document.Descendants(Str + "Codelist").ToDictionary(
                l => l.Attribute("id")!.Value,
                l => l.Elements(Str + "Code").Select(c => c.Attribute("id")!.Value).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
            var id = $"{dsd.Attribute("agencyID")!.Value}:{dsd.Attribute("id")!.Value}({dsd.Attribute("version")!.Value})";
            return new(id, components, codes);
        }
    }
}
