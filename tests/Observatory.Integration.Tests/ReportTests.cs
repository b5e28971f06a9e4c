using System.Net;
using System.Text.Json;
using Observatory.Core.Languages;
using Observatory.Core.Reports;
using Observatory.Core.Validation;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>The validation report as a workbook of the focal point's own rows and as a page.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ReportTests(PipelineHarness pipeline)
{
    /// <summary>A Spanish return with a warning on row 4 (parts short of the total) and an error on each of rows 6 to 8.</summary>
    private static IReadOnlyList<object?[]> WithProblems() =>
    [
        ["Informe anual 2021", null, null, null],
        [null, null, null, null],
        ["Indicador", "Sexo", "Valor", "Nota"],
        ["CT_VICT_DET", null, 30, null],
        ["CT_VICT_DET", "Femenino", 10, null],
        ["CT_PERS_CONV", null, "-3", null],
        ["Indicador inventado", null, 4, null],
        ["CT_PERS_PROS", "Marciano", 2, "según la fiscalía"],
    ];

    private Task<ApiResponse> GetReportAsync(string key, string id, string query) =>
        pipeline.InvokeAsync(pipeline.Request("GET", $"/api/submissions/{id}/report", query, key),
            r => pipeline.Function<GetSubmissionReport>().Run(r, id, CancellationToken.None));

    private async Task<(string Key, string Id, JsonElement Status)> RejectedUploadAsync(string country)
    {
        var (_, key) = await pipeline.IssueKeyAsync(country);
        var upload = await pipeline.UploadAsync(key, "year=2021", ReturnFiles.Xlsx(WithProblems()), ReturnFiles.XlsxType);
        var id = upload.Json.GetProperty("id").GetString()!;
        await pipeline.ProcessAllAsync();
        var status = (await pipeline.GetSubmissionAsync(key, id)).Json;
        Assert.Equal("rejected", status.GetProperty("status").GetString());
        return (key, id, status);
    }

    private static List<(int Row, string Column, string Message)> Problems(JsonElement status, string kind) =>
        [.. status.GetProperty(kind).EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!))];

    [Fact]
    public async Task The_workbook_report_marks_each_problem_cell_and_explains_it_beside_its_row()
    {
        var (key, id, status) = await RejectedUploadAsync("BOL");
        var errors = Problems(status, "errors");
        var warnings = Problems(status, "warnings");
        Assert.Equal([6, 7, 8], errors.Select(e => e.Row));
        Assert.Equal([4], warnings.Select(w => w.Row));

        var response = await GetReportAsync(key, id, "format=xlsx");

        Assert.Equal(200, response.Status);
        Assert.Equal(SubmissionReportRenderer.XlsxContentType, response.ContentType);
        using var report = new GeneratedWorkbook(response.Body);
        Assert.Equal(["Resumen", "Datos"], report.Sheets.Select(s => s.Name!.Value));
        // The problems column stands right of the file's last column, headed in the header row.
        var problemsHeader = MessageCatalog.Default.Render("report.problems-column", Language.Es, []);
        Assert.Equal(problemsHeader, report.Text("Datos", "E3"));
        Assert.Equal("Indicador inventado", report.Text("Datos", "A7"));

        foreach (var (row, column, message) in errors)
        {
            Assert.Equal(SubmissionReportRenderer.ErrorFillRgb, report.FillRgb(report.Cell("Datos", column + row)!));
            Assert.Contains(message, report.Text("Datos", "E" + row));
        }
        foreach (var (row, column, message) in warnings)
        {
            Assert.Equal(SubmissionReportRenderer.WarningFillRgb, report.FillRgb(report.Cell("Datos", column + row)!));
            Assert.Contains(message, report.Text("Datos", "E" + row));
        }
        // Cells without a problem keep no fill, and rows without one have nothing beside them.
        Assert.Null(report.FillRgb(report.Cell("Datos", "A6")!));
        Assert.Equal(string.Empty, report.Text("Datos", "E5"));
        Assert.Equal("según la fiscalía", report.Text("Datos", "D8"));
        // The summary lists every problem too.
        var summary = string.Join('\n', report.Rows("Resumen").SelectMany(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(report.Text));
        Assert.All(errors.Concat(warnings), p => Assert.Contains(p.Message, summary));
    }

    [Fact]
    public async Task The_page_report_lists_every_error_with_its_row_and_column_in_the_language_asked_for()
    {
        var (key, id, _) = await RejectedUploadAsync("GTM");
        var english = (await pipeline.GetSubmissionAsync(key, id, "lang=en")).Json;

        var response = await GetReportAsync(key, id, "format=html&lang=en");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.ContentType);
        var html = WebUtility.HtmlDecode(response.Text);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Validation report</h1>", html);
        var errors = Problems(english, "errors");
        Assert.Equal(3, errors.Count);
        foreach (var (row, column, message) in errors)
        {
            Assert.Contains($"<td class=\"number\">{row}</td><td>{column}</td>", html);
            Assert.Contains(message, html);
        }
        Assert.Contains(Problems(english, "warnings")[0].Message, html);
        // The page in the submission's own language says the same in Spanish.
        var spanish = WebUtility.HtmlDecode((await GetReportAsync(key, id, "format=html")).Text);
        Assert.Contains("<html lang=\"es\">", spanish);
        Assert.All(errors, e => Assert.DoesNotContain(e.Message, spanish));
    }

    [Fact]
    public async Task The_report_is_for_the_states_focal_point_or_staff_and_only_once_checked()
    {
        var (_, otherKey) = await pipeline.IssueKeyAsync("HND");
        var (key, id, _) = await RejectedUploadAsync("SLV");

        Assert.Equal(403, (await GetReportAsync(otherKey, id, "format=html")).Status);
        Assert.Equal(200, (await GetReportAsync(pipeline.AdminKey, id, "format=xlsx")).Status);
        Assert.Equal(400, (await GetReportAsync(key, id, "format=pdf")).Status);

        var queued = await pipeline.UploadAsync(key, "year=2021", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(3, 2, "El Salvador")), ReturnFiles.XlsxType);
        Assert.Equal(409, (await GetReportAsync(key, queued.Json.GetProperty("id").GetString()!, "format=html")).Status);
        await pipeline.ProcessAllAsync();
    }
}
