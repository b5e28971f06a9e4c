using System.IO.Compression;
using MiniExcelLibs;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Tests.Reading.Support;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Reading.Support.WorkbookFile;

namespace Observatory.Core.Tests.Reading;

public class XlsxReaderTests
{
    /// <summary>A Spanish return as focal points fill it in: a title, key/value rows, the header, data with a gap row.</summary>
    private static byte[] SpanishReturn() => new WorkbookFile()
        .Sheet("Notas", s => s
            .Row(1, "Instrucciones")
            .Row(2, "Complete la hoja Datos. Indicador y valor son obligatorios."))
        .Sheet("Datos", s => s
            .Row(1, "Informe anual sobre trata de niñas, niños y adolescentes")
            .Row(2, "País: México")
            .Row(3, "Año", 2025)
            .Row(5, "Indicador", "Sexo", "Edad", "Forma de explotación", "Valor", "Nota")
            .Row(6, "CT_VICT_DET", "Femenino", "12 a 17 años", "Explotación sexual", 12, null)
            .Row(7, Inline("CT_VICT_DET"), Inline("Masculino"), null, Inline("Trabajo forzoso"), "1.234", Inline("Cifra preliminar"))
            .Row(9, "LEG_PALERMO", null, null, null, "Ratificado", 2003))
        .ToBytes();

    [Fact]
    public void Reads_the_rows_below_the_header_with_their_spreadsheet_row_numbers()
    {
        var result = Read.Bytes(SpanishReturn(), ReturnFormat.Xlsx);

        Assert.Equal([6, 7, 9], result.Records.Select(r => r.Row));
        Assert.All(result.Records, r => Assert.Equal("Datos", r.Sheet));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Keys_cells_by_the_column_their_header_names_and_keeps_the_column_letter()
    {
        var result = Read.Bytes(SpanishReturn(), ReturnFormat.Xlsx);

        var first = result.Row(6);
        Assert.Equal(new FieldCell("A", new CellValue("CT_VICT_DET")), first.Get(ReturnColumn.Indicator));
        Assert.Equal(new FieldCell("B", new CellValue("Femenino")), first.Get("SEX"));
        Assert.Equal(new FieldCell("C", new CellValue("12 a 17 años")), first.Get("AGE"));
        Assert.Equal(new FieldCell("D", new CellValue("Explotación sexual")), first.Get("EXPLOITATION"));
        Assert.Equal(new FieldCell("E", new CellValue("12", 12)), first.Get(ReturnColumn.Value));
    }

    [Fact]
    public void Gives_a_blank_cell_for_a_known_column_left_empty_and_nothing_for_an_absent_column()
    {
        var result = Read.Bytes(SpanishReturn(), ReturnFormat.Xlsx);

        var first = result.Row(6);
        Assert.True(first.Get(ReturnColumn.Note)!.Value.Value.IsBlank);
        Assert.Equal("F", first.Get(ReturnColumn.Note)!.Value.Column);
        Assert.Null(first.Get("CITIZENSHIP"));
    }

    [Fact]
    public void Reads_inline_strings_and_keeps_numbers_written_as_text_as_text()
    {
        var result = Read.Bytes(SpanishReturn(), ReturnFormat.Xlsx);

        var second = result.Row(7);
        Assert.Equal("Masculino", second.Get("SEX")!.Value.Value.Text);
        Assert.True(second.Get("AGE")!.Value.Value.IsBlank);
        Assert.Equal(new CellValue("1.234"), second.Get(ReturnColumn.Value)!.Value.Value);
        Assert.Equal("Cifra preliminar", second.Get(ReturnColumn.Note)!.Value.Value.Text);
        Assert.Equal(new CellValue("2003", 2003), result.Row(9).Get(ReturnColumn.Note)!.Value.Value);
    }

    [Fact]
    public void Takes_the_country_and_year_stated_above_the_header()
    {
        var result = Read.Bytes(SpanishReturn(), ReturnFormat.Xlsx);

        Assert.Equal(new StatedValue("Datos", 2, new FieldCell("A", new CellValue("México"))), result.Parsed.StatedCountry);
        Assert.Equal(new StatedValue("Datos", 3, new FieldCell("B", new CellValue("2025", 2025))), result.Parsed.StatedYear);
    }

    [Fact]
    public void Settles_the_header_language_by_the_labels_only_one_language_writes_so()
    {
        // Indicador, Sexo, Valor and Nota are Spanish and Portuguese alike; Edad and Forma de explotación are Spanish.
        var result = Read.Bytes(SpanishReturn(), ReturnFormat.Xlsx);

        Assert.Equal(Language.Es, result.Parsed.HeaderLanguage);
    }

    [Fact]
    public void Skips_a_notes_sheet_without_a_header_and_reads_the_metadata_sheet_wherever_it_stands()
    {
        var workbook = new WorkbookFile()
            .Sheet("Notes", s => s.Row(1, "These figures come from the national registry.").Row(2, "Contact: focal point"))
            .Sheet("Data", s => s
                .Row(1, "Indicator", "Sex", "Value")
                .Row(2, "CT_PERS_PROS", "Male", 40))
            .Sheet("Métadonnées", s => s
                .Row(1, "Pays", "Haïti")
                .Row(2, "Année : 2025"))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal("Data", Assert.Single(result.Records).Sheet);
        Assert.Equal(new StatedValue("Métadonnées", 1, new FieldCell("B", new CellValue("Haïti"))), result.Parsed.StatedCountry);
        Assert.Equal(new StatedValue("Métadonnées", 2, new FieldCell("A", new CellValue("2025"))), result.Parsed.StatedYear);
        Assert.Equal(Language.En, result.Parsed.HeaderLanguage);
    }

    [Fact]
    public void Prefers_what_the_metadata_sheet_states_over_rows_above_the_header()
    {
        var workbook = new WorkbookFile()
            .Sheet("Data", s => s.Row(1, "Country", "Canada").Row(2, "Indicator", "Value").Row(3, "POL_HOTLINE", "Yes"))
            .Sheet("METADATA", s => s.Row(1, "Country", "CAN"))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal("CAN", result.Parsed.StatedCountry!.Cell.Value.Text);
        Assert.Equal("METADATA", result.Parsed.StatedCountry.Sheet);
    }

    [Fact]
    public void Does_not_take_the_data_from_a_hidden_sheet()
    {
        var workbook = new WorkbookFile()
            .Sheet("Lists", s => s.Row(1, "Indicator", "Value").Row(2, "CT_VICT_DET", "code list"), hidden: true)
            .Sheet("Data", s => s.Row(1, "Indicator", "Value").Row(2, "CT_OFF_REC", 7))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal("CT_OFF_REC", Assert.Single(result.Records).Get(ReturnColumn.Indicator)!.Value.Value.Text);
    }

    [Fact]
    public void Reads_booleans_errors_cached_formula_results_and_numbers_as_shown()
    {
        var workbook = new WorkbookFile()
            .Sheet("Data", s => s
                .Row(1, "Indicator", "Value", "Note")
                .Row(2, "A", Boolean(true), Error("#N/A"))
                .Row(3, FormulaText("\"CT_\"&\"OFF_REC\"", "CT_OFF_REC"), FormulaNumber("1+1", "2"), StoredNumber("0.30000000000000004")))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal(new CellValue("TRUE"), result.Row(2).Get(ReturnColumn.Value)!.Value.Value);
        Assert.Equal(new CellValue("#N/A"), result.Row(2).Get(ReturnColumn.Note)!.Value.Value);
        Assert.Equal(new CellValue("CT_OFF_REC"), result.Row(3).Get(ReturnColumn.Indicator)!.Value.Value);
        Assert.Equal(new CellValue("2", 2), result.Row(3).Get(ReturnColumn.Value)!.Value.Value);
        Assert.Equal(new CellValue("0.3", 0.30000000000000004), result.Row(3).Get(ReturnColumn.Note)!.Value.Value);
    }

    [Fact]
    public void Joins_rich_text_runs_and_leaves_out_phonetic_guides()
    {
        var workbook = new WorkbookFile()
            .Sheet("Data", s => s
                .Row(1, "Indicator", "Value", "Note")
                .Row(2, "CT_OFF_REC", 3, RichSharedString("ruby", "Police ", "records")))
            .Sheet("Other", s => s.Row(1, "x"))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal("Police records", result.Row(2).Get(ReturnColumn.Note)!.Value.Value.Text);
    }

    [Fact]
    public void Places_cells_and_rows_without_references_after_the_previous_ones()
    {
        var workbook = new WorkbookFile()
            .Sheet("Data", s => s
                .Row(3, "Indicator", "Sex", "Value")
                .UnnumberedRow("CT_PERS_CONV", WithoutReference("F"), WithoutReference(5))
                .Row(6, "CT_PERS_CONV", null, WithoutReference(6)))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal([4, 6], result.Records.Select(r => r.Row));
        Assert.Equal(new FieldCell("B", new CellValue("F")), result.Row(4).Get("SEX"));
        Assert.Equal(new FieldCell("C", new CellValue("5", 5)), result.Row(4).Get(ReturnColumn.Value));
        // The sixth row's value has no reference and follows A, so it stands in B, under Sex.
        Assert.Equal(new FieldCell("B", new CellValue("6", 6)), result.Row(6).Get("SEX"));
    }

    [Fact]
    public void Reads_a_workbook_written_by_another_library()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            var sheets = new Dictionary<string, object>
            {
                ["Observaciones"] = new[] { new Dictionary<string, object?> { ["Nota"] = "Ver metodología" } },
                ["Dados"] = new[]
                {
                    new Dictionary<string, object?> { ["Indicador"] = "CT_VICT_ASSIST", ["Sexo"] = "Feminino", ["Idade"] = "12 a 17 anos", ["Valor"] = 31 },
                    new Dictionary<string, object?> { ["Indicador"] = "CT_VICT_ASSIST", ["Sexo"] = "Masculino", ["Idade"] = null, ["Valor"] = 2.5 },
                },
            };
            MiniExcel.SaveAs(path, sheets);

            var result = Read.Stream(File.OpenRead(path), ReturnFormat.Xlsx);

            Assert.Equal([2, 3], result.Records.Select(r => r.Row));
            Assert.Equal("Dados", result.Records[0].Sheet);
            Assert.Equal("Feminino", result.Records[0].Get("SEX")!.Value.Value.Text);
            Assert.Equal(2.5, result.Records[1].Get(ReturnColumn.Value)!.Value.Value.Number);
            Assert.Equal(Language.Pt, result.Parsed.HeaderLanguage);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reads_a_stream_that_cannot_seek_and_disposes_it_with_the_return()
    {
        var body = new NonSeekableStream(new MemoryStream(SpanishReturn()));

        var result = Read.Stream(body, ReturnFormat.Xlsx);

        Assert.Equal(3, result.Records.Count);
        Assert.True(body.Disposed);
    }

    [Fact]
    public void Reports_a_file_that_is_not_a_workbook_as_a_format_error()
    {
        var result = Read.Bytes("PK\u0003\u0004 this is not a zip at all"u8.ToArray(), ReturnFormat.Xlsx);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.FormatError, Severity.Error, "reading.format-error.xlsx"), (problem.Type, problem.Severity, problem.MessageKey));
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Reports_a_zip_without_a_workbook_as_a_format_error()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }

        var result = Read.Bytes(zip.ToArray(), ReturnFormat.Xlsx);

        Assert.Equal(ProblemTypes.FormatError, Assert.Single(result.Problems).Type);
    }

    [Fact]
    public void Reports_a_truncated_workbook_as_a_format_error()
    {
        var whole = SpanishReturn();

        var result = Read.Bytes(whole[..(whole.Length / 2)], ReturnFormat.Xlsx);

        Assert.Equal(ProblemTypes.FormatError, Assert.Single(result.Problems).Type);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Records_can_be_read_once()
    {
        using var parsed = ReturnReader.Open(new MemoryStream(SpanishReturn()), ReturnFormat.Xlsx, "r.xlsx", TestColumnResolver.Instance);
        _ = parsed.Records.ToList();

        Assert.Throws<InvalidOperationException>(() => parsed.Records);
    }
}
