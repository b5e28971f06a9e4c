using System.Text;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Tests.Reading.Support;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Reading;

/// <summary>The header is located and checked the same way in xlsx and csv; most cases are written as csv for brevity.</summary>
public class HeaderProblemTests
{
    private static ReadResult Csv(string text) => Read.Bytes(Encoding.UTF8.GetBytes(text), ReturnFormat.Csv, "return.csv");

    [Fact]
    public void Reports_a_missing_value_column_at_the_header_row()
    {
        var result = Csv("Title\nIndicador;Sexo;Edad;Cantidad\nCT_VICT_DET;F;Y0T11;4\n");

        var missing = Assert.Single(result.OfType(ProblemTypes.MissingLabel));
        Assert.Equal((Severity.Error, "return.csv", 2, ReturnColumn.Value, "reading.missing-label.value"),
            (missing.Severity, missing.Sheet, missing.Row, missing.Field, missing.MessageKey));
        Assert.Equal(["2"], missing.Arguments);
    }

    [Fact]
    public void Reports_a_missing_indicator_column()
    {
        var result = Csv("Sex,Age,Value\nF,Y0T11,4\n");

        Assert.Equal(ReturnColumn.Indicator, Assert.Single(result.OfType(ProblemTypes.MissingLabel)).Field);
        Assert.Equal("4", Assert.Single(result.Records).Get(ReturnColumn.Value)!.Value.Value.Text);
    }

    [Fact]
    public void Reports_one_error_naming_the_expected_columns_when_no_header_is_found()
    {
        var result = Csv("Informe anual\nCT_VICT_DET;F;12\nCT_VICT_DET;M;3\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.MissingLabel, Severity.Error, "reading.no-header", "return.csv"), (problem.Type, problem.Severity, problem.MessageKey, problem.Sheet));
        Assert.Contains("Indicator", ReadingMessages.All[problem.MessageKey]["en"], StringComparison.Ordinal);
        Assert.Contains("Valor", ReadingMessages.All[problem.MessageKey]["es"], StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Looks_for_the_header_only_in_the_first_thirty_non_blank_rows()
    {
        var titles = string.Concat(Enumerable.Range(1, 30).Select(i => $"Title line {i}\n\n"));

        var result = Csv(titles + "Indicator,Value\nCT_OFF_REC,1\n");

        Assert.Equal("reading.no-header", Assert.Single(result.Problems).MessageKey);
    }

    [Fact]
    public void Warns_of_a_column_no_known_label_names_and_leaves_its_cells_out()
    {
        var result = Csv("Indicator,Value,Comments\nCT_OFF_REC,1,checked\n");

        var extra = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.ExtraLabel, Severity.Warning, 1, "C", "Comments"), (extra.Type, extra.Severity, extra.Row, extra.Column, extra.Value));
        Assert.Equal(["Comments"], extra.Arguments);
        Assert.Equal([ReturnColumn.Indicator, ReturnColumn.Value], Assert.Single(result.Records).Fields.Keys.Order());
    }

    [Fact]
    public void Rejects_two_headers_naming_the_same_column_and_reads_the_first()
    {
        var result = Csv("Indicator,Sex,Value,Sexo\nCT_PERS_PROS,F,10,M\n");

        var duplicate = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.DuplicateLabel, Severity.Error, 1, "D", "SEX", "Sexo"),
            (duplicate.Type, duplicate.Severity, duplicate.Row, duplicate.Column, duplicate.Field, duplicate.Value));
        Assert.Equal(["Sexo", "B", "Sex"], duplicate.Arguments);
        Assert.Equal(new FieldCell("B", new CellValue("F")), Assert.Single(result.Records).Get("SEX"));
    }

    [Fact]
    public void Warns_once_of_each_blank_header_above_data_including_past_the_last_header()
    {
        var result = Csv("Indicator,,Value\nCT_OFF_REC,x,1\nCT_OFF_REC,y,2,extra\nCT_OFF_REC,,3,more\n");

        var blanks = result.OfType(ProblemTypes.BlankLabel).ToList();
        Assert.Equal(["B", "D"], blanks.Select(p => p.Column));
        Assert.All(blanks, p => Assert.Equal((Severity.Warning, 1), (p.Severity, p.Row)));
        Assert.Equal(3, result.Records.Count);
    }

    [Fact]
    public void Does_not_warn_of_a_blank_header_above_an_empty_column()
    {
        var result = Csv("Indicator,,Value\nCT_OFF_REC,,1\n");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Takes_the_row_naming_the_most_known_columns_for_the_header()
    {
        var result = Csv("Indicator,Value\nplease fill in below\nIndicator,Sex,Age,Value\nCT_VICT_CSE,F,Y0T11,2\n");

        Assert.Equal([4], result.Records.Select(r => r.Row));
        Assert.NotNull(result.Records[0].Get("AGE"));
    }

    [Fact]
    public void Skips_rows_with_nothing_under_a_known_column()
    {
        var result = Csv("Indicator,Value,Comments\nCT_OFF_REC,1,\n,,a remark beside the table\n\n,,\nCT_OFF_REC,2,\n");

        Assert.Equal([2, 6], result.Records.Select(r => r.Row));
    }

    [Theory]
    [InlineData("Indicador;Valor;Sexo;Idade", Language.Pt)]
    [InlineData("Indicateur;Valeur;Sexe;Âge", Language.Fr)]
    [InlineData("Indicator;Value;Sex;Age", Language.En)]
    [InlineData("Indicador;Valor;Sexo;Edad;Forma de explotación;Nota", Language.Es)]
    [InlineData("INDICATOR;VALUE;SEX;AGE", null)]
    [InlineData("Indicador;Valor", null)]
    [InlineData("Indicator;Valeur", null)]
    public void Settles_the_header_language_by_plurality(string header, Language? expected)
    {
        var result = Csv(header + "\nCT_OFF_REC;1\n");

        Assert.Equal(expected, result.Parsed.HeaderLanguage);
    }

    [Fact]
    public void Reports_header_problems_in_a_workbook_with_the_sheet_and_column_letters()
    {
        var workbook = new WorkbookFile()
            .Sheet("Datos", s => s
                .Row(2, "Indicador", null, "Sexo", "Sexo", "Valor", "Fuente")
                .Row(3, "CT_PERS_CONV", "n/a", "F", "M", 2, "Poder Judicial"))
            .ToBytes();

        var result = Read.Bytes(workbook, ReturnFormat.Xlsx);

        Assert.Equal(
            [(ProblemTypes.DuplicateLabel, "D"), (ProblemTypes.ExtraLabel, "F"), (ProblemTypes.BlankLabel, "B")],
            result.Problems.Select(p => (p.Type, p.Column!)));
        Assert.All(result.Problems, p => Assert.Equal(("Datos", 2), (p.Sheet!, p.Row!.Value)));
    }
}
