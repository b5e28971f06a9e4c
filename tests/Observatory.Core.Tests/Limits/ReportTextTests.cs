using System.Text;
using Observatory.Core.Reading;
using Observatory.Core.Reports;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Limits;

/// <summary>Issue 11, row 10: a value with control characters makes a valid xlsx report, the characters replaced by U+FFFD.</summary>
public class ReportTextTests
{
    [Fact]
    public async Task Control_characters_in_a_value_become_replacement_characters_in_the_xlsx_report()
    {
        var csv = Encoding.UTF8.GetBytes("Indicador;Valor\r\nCT_PERS_PROS;12\u0001\u000b\u001b\r\n");

        var report = await LimitedReturn.RenderAsync(csv, ReturnFormat.Csv, "control.csv", ReportFormat.Xlsx);

        using var workbook = new GeneratedWorkbook(report.Content);
        Assert.Equal("12\uFFFD\uFFFD\uFFFD", workbook.Text("control.csv", "B2"));
        var html = await LimitedReturn.RenderAsync(csv, ReturnFormat.Csv, "control.csv", ReportFormat.Html);
        Assert.Contains("12", Encoding.UTF8.GetString(html.Content), StringComparison.Ordinal);
    }
}
