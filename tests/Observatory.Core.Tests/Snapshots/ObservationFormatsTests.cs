using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Writers;
using Parquet.Schema;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>The observations in CSV, JSON, Parquet and xlsx: how each is encoded, and that all four hold the same rows.</summary>
public class ObservationFormatsTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    private static readonly string[] Header =
    [
        "country", "m49", "country_name", "year", "indicator", "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE",
        "value", "value_code", "unit", "flag", "note", "submission_id", "accepted_at",
    ];

    private byte[] Csv => snapshot.Output[SnapshotFileNames.ObservationsCsv];

    [Theory]
    [InlineData(SnapshotFileNames.ObservationsCsv)]
    [InlineData(SnapshotFileNames.IndicatorsCsv)]
    [InlineData(SnapshotFileNames.CoverageCsv)]
    public void The_CSV_files_are_UTF8_with_a_byte_order_mark_and_CRLF_line_ends(string name)
    {
        var bytes = snapshot.Output[name];

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvText.Parse(bytes); // throws on a bare LF or a missing final CRLF
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public void The_observations_CSV_has_the_published_columns_and_fixed_number_and_time_forms()
    {
        var records = CsvText.Records(Csv);

        Assert.Equal(Header, CsvText.Parse(Csv)[0]);
        var population = records.Single(r => r["country"] == "ARG" && r["indicator"] == "POP_U18" && r["SEX"] == "_T");
        Assert.Equal(("032", "Argentina", "2025", "13000000", "NUMBER", "2026-02-14T09:30:15Z"),
            (population["m49"], population["country_name"], population["year"], population["value"], population["unit"], population["accepted_at"]));
        Assert.Equal(["0.09", "", "0.38"], records.Where(r => r["indicator"] == "CT_VICT_DET_RATE").Select(r => r["value"]));
        var palermo = records.Single(r => r["indicator"] == "LEG_PALERMO");
        Assert.Equal(("", "RATIFIED", "TREATY_STATUS", "2002"), (palermo["value"], palermo["value_code"], palermo["unit"], palermo["note"]));
        // Dimensions the indicator lacks are blank; those it has are never blank.
        Assert.Equal(("F", "", ""), (records.First(r => r["indicator"] == "CT_PERS_PROS")["SEX"], records.First(r => r["indicator"] == "CT_PERS_PROS")["AGE"], records.First(r => r["indicator"] == "CT_PERS_PROS")["OFFENCE"]));
    }

    [Fact]
    public void Accents_survive_in_the_CSV_files()
    {
        var mexico = CsvText.Records(Csv).Single(r => r["country"] == "MEX" && r["indicator"] == "CT_VICT_DET");
        Assert.Equal("Niñas y niños víctimas — datos de la Fiscalía", mexico["note"]);

        var indicators = CsvText.Records(snapshot.Output[SnapshotFileNames.IndicatorsCsv]);
        Assert.Equal("Niñas, niños y adolescentes víctimas de trata detectados", indicators.Single(r => r["code"] == "CT_VICT_DET")["label_es"]);
    }

    [Fact]
    public void CSV_cells_that_a_spreadsheet_would_run_as_formulas_are_preceded_by_an_apostrophe()
    {
        var notes = CsvText.Records(Csv).Where(r => r["note"].Length > 0).Select(r => r["note"]).ToList();

        Assert.Contains("'=HYPERLINK(\"http://example.invalid\",\"x\")", notes);
        Assert.Contains("'-3 cases reclassified, see report", notes);
        Assert.Contains("'@SUM(A1:A2), +1 late", notes);
        Assert.Contains("'\tDisque 100", notes);
        Assert.Contains("2002", notes);
        foreach (var name in new[] { SnapshotFileNames.ObservationsCsv, SnapshotFileNames.IndicatorsCsv, SnapshotFileNames.CoverageCsv })
        {
            foreach (var cell in CsvText.Parse(snapshot.Output[name]).SelectMany(r => r))
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{name}: {cell}");
        }
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+34 600 000 000", "'+34 600 000 000")]
    [InlineData("-5 reclassified", "'-5 reclassified")]
    [InlineData("@handle", "'@handle")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rline", "'\rline")]
    [InlineData("1-2", "1-2")]
    [InlineData("Niñas", "Niñas")]
    [InlineData("", "")]
    public void Neutralising_touches_only_a_leading_formula_character(string cell, string written) =>
        Assert.Equal(written, CsvTableWriter.Neutralise(cell));

    [Fact]
    public void The_JSON_is_an_array_of_row_objects_one_per_line_with_typed_values()
    {
        var text = Encoding.UTF8.GetString(snapshot.Output[SnapshotFileNames.ObservationsJson]);
        var lines = text.Split('\n');

        Assert.Equal("[", lines[0]);
        Assert.Equal(["]", ""], lines[^2..]);
        Assert.Equal(36, lines.Length - 3);
        using var document = JsonDocument.Parse(text);
        var rate = document.RootElement.EnumerateArray().Last();
        Assert.Equal(Header, rate.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, rate.GetProperty("value").ValueKind);
        Assert.Equal("0.38", rate.GetProperty("value").GetRawText());
        Assert.Equal(JsonValueKind.Number, rate.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, rate.GetProperty("SEX").ValueKind);
        Assert.Contains("Niñas y niños víctimas", text, StringComparison.Ordinal); // not \u-escaped
    }

    [Fact]
    public async Task The_Parquet_file_has_typed_columns_and_one_row_group_per_state()
    {
        var (header, _, schema, rowGroups) = await PublishedTables.FromParquetAsync(snapshot.Output[SnapshotFileNames.ObservationsParquet]);

        Assert.Equal(Header, header);
        Assert.Equal(3, rowGroups);
        var fields = schema.DataFields.ToDictionary(f => f.Name);
        Assert.Equal((true, false), (PublishedTables.IsText(fields["country"]), fields["country"].IsNullable));
        Assert.Equal((true, true), (PublishedTables.IsText(fields["SEX"]), fields["SEX"].IsNullable));
        Assert.Equal((typeof(int), false), (fields["year"].ClrType, fields["year"].IsNullable));
        Assert.Equal((typeof(double), true), (fields["value"].ClrType, fields["value"].IsNullable));
        Assert.Equal((true, true), (PublishedTables.IsText(fields["value_code"]), fields["value_code"].IsNullable));
        var acceptedAt = Assert.IsType<DateTimeDataField>(fields["accepted_at"]);
        Assert.True(acceptedAt.IsAdjustedToUTC);
    }

    [Fact]
    public async Task The_four_formats_hold_the_same_rows()
    {
        var csv = PublishedTables.FromCsv(Csv);
        var json = PublishedTables.FromJson(snapshot.Output[SnapshotFileNames.ObservationsJson]);
        var parquet = await PublishedTables.FromParquetAsync(snapshot.Output[SnapshotFileNames.ObservationsParquet]);
        var xlsx = PublishedTables.FromXlsx(snapshot.Output[SnapshotFileNames.ObservationsXlsx]);

        Assert.Equal(36, csv.Rows.Count);
        foreach (var (name, header, rows) in new[] { ("json", json.Header, json.Rows), ("parquet", parquet.Header, parquet.Rows), ("xlsx", xlsx.Header, xlsx.Rows) })
        {
            Assert.Equal(csv.Header, header);
            Assert.Equal(csv.Rows.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
                Assert.True(csv.Rows[i].SequenceEqual(rows[i]), $"{name} row {i}: {string.Join(",", rows[i])} vs {string.Join(",", csv.Rows[i])}");
        }
    }

    [Fact]
    public void The_workbook_carries_no_time_of_writing_and_no_document_properties()
    {
        using var archive = new ZipArchive(new MemoryStream(snapshot.Output[SnapshotFileNames.ObservationsXlsx]), ZipArchiveMode.Read);

        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void The_workbook_is_a_valid_spreadsheet_package()
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(snapshot.Output[SnapshotFileNames.ObservationsXlsx]), isEditable: false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
        var sheet = Assert.Single(document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>());
        Assert.Equal("observations", sheet.Name?.Value);
    }

    [Fact]
    public void The_workbook_reads_back_with_numbers_as_numbers()
    {
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(snapshot.Output[SnapshotFileNames.ObservationsXlsx]), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();

        var rate = rows.Single(r => (string?)r["indicator"] == "CT_VICT_DET_RATE" && (string?)r["country"] == "MEX");
        Assert.Equal(0.38, Assert.IsType<double>(rate["value"]));
        Assert.Equal(2025.0, Assert.IsType<double>(rate["year"]));
        Assert.Equal("032", rows[0]["m49"]);
        Assert.Equal("=HYPERLINK(\"http://example.invalid\",\"x\")", rows.Single(r => (string?)r["OFFENCE"] == "TRAFFICKING")["note"]);
    }
}
