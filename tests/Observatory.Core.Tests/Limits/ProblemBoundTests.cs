using System.Text;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Reports;
using Observatory.Core.Validation;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Limits;

/// <summary>
/// Issue 11, rows 3 and 5: however many problems a file has, and however wide its sheet, the validation keeps the
/// first ones in detail and counts the rest by type, and both reports stay small.
/// </summary>
public class ProblemBoundTests
{
    /// <summary>100,000 rows whose value is "x": a type-error on each and a duplicate-row on each but the first.</summary>
    private static byte[] ManyBadRows(int rows)
    {
        var csv = new StringBuilder("Indicador;Valor\r\n");
        for (var i = 0; i < rows; i++) csv.Append("CT_PERS_PROS;x\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public void The_first_1000_errors_are_kept_in_detail_and_the_rest_counted_by_type()
    {
        var outcome = LimitedReturn.Validate(ManyBadRows(100_000), ReturnFormat.Csv, "x.csv");

        Assert.Equal(1_000, outcome.Errors.Count);
        Assert.Equal(199_999, outcome.ErrorCount);
        Assert.Equal(2, outcome.Errors.Select(e => e.Row).Distinct().Min());
        var counted = outcome.Omitted.ToDictionary(o => o.Type, o => o.Count);
        Assert.Equal(199_999 - 1_000, counted.Values.Sum());
        Assert.True(counted.ContainsKey(ProblemTypes.TypeError));
        Assert.All(outcome.Omitted, o => Assert.Equal(Severity.Error, o.Severity));
    }

    [Fact]
    public void The_bound_is_a_setting()
    {
        var outcome = LimitedReturn.Validate(ManyBadRows(100), ReturnFormat.Csv, "x.csv", new ReturnLimits { MaxDetailedProblems = 10 });

        Assert.Equal(10, outcome.Errors.Count);
        Assert.Equal(199, outcome.ErrorCount);
    }

    [Theory]
    [InlineData(ReportFormat.Html)]
    [InlineData(ReportFormat.Xlsx)]
    public async Task Both_reports_of_a_file_with_200000_errors_stay_small_and_say_how_many_are_not_listed(ReportFormat format)
    {
        var report = await LimitedReturn.RenderAsync(ManyBadRows(100_000), ReturnFormat.Csv, "x.csv", format);

        Assert.True(report.Content.Length < 1024 * 1024, $"The report is {report.Content.Length} bytes.");
        // "Otros N problemas del tipo type-error no se detallan uno por uno…"
        var omitted = "problemas del tipo " + ProblemTypes.TypeError;
        if (format == ReportFormat.Html)
        {
            Assert.Contains(omitted, Encoding.UTF8.GetString(report.Content), StringComparison.Ordinal);
        }
        else
        {
            using var workbook = new GeneratedWorkbook(report.Content);
            var summary = workbook.Sheets[0].Name!.Value!;
            Assert.Contains(workbook.Rows(summary).SelectMany(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()),
                c => workbook.Text(c).Contains(omitted, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(ReportFormat.Html)]
    [InlineData(ReportFormat.Xlsx)]
    public async Task A_report_over_an_unknown_header_at_the_last_column_stays_small(ReportFormat format)
    {
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("A1", "Indicador"), ("B1", "Valor"), ("XFD1", "Desconocida")) +
            HostileWorkbook.Row(2, ("A2", "CT_PERS_PROS"), ("B2", "x")) +
            HostileWorkbook.Row(3, ("A3", "CT_PERS_CONV"), ("B3", "-1")) +
            HostileWorkbook.Row(4, ("A4", "NO_EXISTE"), ("B4", "2")));

        var report = await LimitedReturn.RenderAsync(file, ReturnFormat.Xlsx, "ancho.xlsx", format);

        Assert.True(report.Content.Length < 64 * 1024, $"The report is {report.Content.Length} bytes.");
        if (format == ReportFormat.Html)
            Assert.Contains("XFD: Desconocida", Encoding.UTF8.GetString(report.Content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Html)]
    [InlineData(ReportFormat.Xlsx)]
    public async Task A_report_over_a_header_past_the_last_column_stays_small(ReportFormat format)
    {
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("A1", "Indicador"), ("B1", "Valor"), ("ZZZZZ1", "Desconocida")) +
            HostileWorkbook.Row(2, ("A2", "CT_PERS_PROS"), ("B2", "x")) +
            HostileWorkbook.Row(3, ("A3", "CT_PERS_CONV"), ("B3", "-1")) +
            HostileWorkbook.Row(4, ("A4", "NO_EXISTE"), ("B4", "2")));

        var report = await LimitedReturn.RenderAsync(file, ReturnFormat.Xlsx, "ancho.xlsx", format);

        Assert.True(report.Content.Length < 64 * 1024, $"The report is {report.Content.Length} bytes.");
    }
}
