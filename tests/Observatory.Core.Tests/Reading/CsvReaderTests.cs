using System.Text;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Tests.Reading.Support;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Reading;

public class CsvReaderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static byte[] Encode(string text, Encoding encoding, bool withBom) =>
        withBom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);

    [Fact]
    public void Reads_utf8_with_title_rows_quoted_separators_and_a_quoted_line_break_as_a_spreadsheet_numbers_rows()
    {
        const string text =
            "Annual return,,,\r\n" +
            "Country: Jamaica\r\n" +
            "\r\n" +
            "Indicator,Sex,Value,Note\r\n" +
            "CT_VICT_DET,Female,\"1,234\",\"Provisional, pending review\"\r\n" +
            "CT_VICT_DET,Male,3,\"Two lines:\nsecond\"\r\n" +
            "\r\n" +
            "CT_OFF_REC,,7,\r\n";

        var result = Read.Bytes(Encoding.UTF8.GetBytes(text), ReturnFormat.Csv, "return-2025.csv");

        Assert.Equal([5, 6, 8], result.Records.Select(r => r.Row));
        Assert.Equal(new FieldCell("C", new CellValue("1,234")), result.Row(5).Get(ReturnColumn.Value));
        Assert.Equal("Provisional, pending review", result.Row(5).Get(ReturnColumn.Note)!.Value.Value.Text);
        Assert.Equal("Two lines:\nsecond", result.Row(6).Get(ReturnColumn.Note)!.Value.Value.Text);
        Assert.True(result.Row(8).Get("SEX")!.Value.Value.IsBlank);
        Assert.All(result.Records, r => Assert.Equal("return-2025.csv", r.Sheet));
        Assert.Equal(new StatedValue("return-2025.csv", 2, new FieldCell("A", new CellValue("Jamaica"))), result.Parsed.StatedCountry);
        Assert.Equal(Language.En, result.Parsed.HeaderLanguage);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Reads_utf8_with_a_bom_and_semicolons_around_decimal_commas()
    {
        const string text =
            "Indicador;Sexo;Edad;Valor\n" +
            "CT_VICT_CSE;Niñas;12 a 17 años;1,5\n" +
            "CT_VICT_CSE;Niños;;2,5\n";

        var result = Read.Bytes(Encode(text, Encoding.UTF8, withBom: true), ReturnFormat.Csv);

        Assert.Equal([2, 3], result.Records.Select(r => r.Row));
        Assert.Equal(new FieldCell("A", new CellValue("CT_VICT_CSE")), result.Row(2).Get(ReturnColumn.Indicator));
        Assert.Equal("Niñas", result.Row(2).Get("SEX")!.Value.Value.Text);
        Assert.Equal(new FieldCell("D", new CellValue("1,5")), result.Row(2).Get(ReturnColumn.Value));
        Assert.Equal(Language.Es, result.Parsed.HeaderLanguage);
    }

    [Fact]
    public void Reads_utf16_little_endian_with_a_bom_separated_by_tabs()
    {
        const string text = "Indicateur\tSexe\tÂge\tValeur\r\nCT_VICT_RETURN\tFéminin\t12 à 17 ans\t4\r\n";

        var result = Read.Bytes(Encode(text, Encoding.Unicode, withBom: true), ReturnFormat.Csv);

        var record = Assert.Single(result.Records);
        Assert.Equal("12 à 17 ans", record.Get("AGE")!.Value.Value.Text);
        Assert.Equal(new FieldCell("D", new CellValue("4")), record.Get(ReturnColumn.Value));
        Assert.Equal(Language.Fr, result.Parsed.HeaderLanguage);
    }

    [Fact]
    public void Reads_utf16_without_a_bom()
    {
        const string text = "Indicator,Value\nPOL_NAT_PLAN,Yes\n";

        var result = Read.Bytes(Encode(text, Encoding.Unicode, withBom: false), ReturnFormat.Csv);

        Assert.Equal("POL_NAT_PLAN", Assert.Single(result.Records).Get(ReturnColumn.Indicator)!.Value.Value.Text);
    }

    [Fact]
    public void Reads_windows_1252_accents()
    {
        const string text = "País;Año;Indicador;Sexo;Valor\nMéxico;2025;CT_VICT_CSE;Niñas;8\n";

        var result = Read.Bytes(Encode(text, Windows1252, withBom: false), ReturnFormat.Csv);

        var record = Assert.Single(result.Records);
        Assert.Equal("México", record.Get(ReturnColumn.Country)!.Value.Value.Text);
        Assert.Equal("Niñas", record.Get("SEX")!.Value.Value.Text);
        Assert.NotNull(record.Get(ReturnColumn.Year));
    }

    [Fact]
    public void Reads_a_stream_that_cannot_seek_and_disposes_it_with_the_return()
    {
        var body = new NonSeekableStream(new MemoryStream(Encode("Indicator,Value\nCT_OFF_REC,12\n", Windows1252, false)));

        var result = Read.Stream(body, ReturnFormat.Csv);

        Assert.Single(result.Records);
        Assert.True(body.Disposed);
    }

    [Fact]
    public void Reports_broken_quoting_with_its_row_after_the_rows_before_it()
    {
        const string text = "Indicator,Value\nCT_OFF_REC,1\nCT_OFF_REC,\"2\"x\nCT_OFF_REC,3\n";

        var result = Read.Bytes(Encoding.UTF8.GetBytes(text), ReturnFormat.Csv, "broken.csv");

        Assert.Equal([2], result.Records.Select(r => r.Row));
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.FormatError, "reading.format-error.csv-quoting", "broken.csv", 3), (problem.Type, problem.MessageKey, problem.Sheet, problem.Row));
    }

    [Fact]
    public void Reports_an_empty_file()
    {
        var result = Read.Bytes([], ReturnFormat.Csv);

        Assert.Equal("reading.format-error.empty", Assert.Single(result.Problems).MessageKey);
    }

    [Fact]
    public void Names_the_sheet_csv_when_the_file_has_no_name()
    {
        var result = Read.Bytes(Encoding.UTF8.GetBytes("Indicator,Value\nCT_OFF_REC,1\n"), ReturnFormat.Csv);

        Assert.Equal("csv", Assert.Single(result.Records).Sheet);
    }
}
