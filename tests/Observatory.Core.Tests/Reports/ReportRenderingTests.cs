using System.Net;
using System.Text;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.Reports;
using Observatory.Core.Submissions;
using Observatory.Core.Tests.ReferenceData;
using Observatory.Core.Validation;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Reports;

/// <summary>Reports of csv and JSON returns, rendered from the raw file the way the report route does.</summary>
public class ReportRenderingTests
{
    private static readonly ReturnValidator Validator = new(Shipped.Data);

    /// <summary>Keeps one raw file in memory, as blob storage would.</summary>
    private sealed class OneFile(byte[] content) : IRawFileStore
    {
        public Task SaveAsync(string name, Stream stream, string contentType, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => Task.FromResult<Stream>(new MemoryStream(content, writable: false));
        public Task DeleteAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static async Task<(RenderedReport Report, SubmissionReport Problems)> RenderAsync(byte[] file, ReturnFormat format, string fileName, ReportFormat reportFormat, Language language)
    {
        var state = Shipped.States.FindByIso3("MEX")!;
        ValidationOutcome outcome;
        using (var parsed = ReturnReader.Open(new MemoryStream(file), format, fileName, Shipped.Data))
            outcome = Validator.Validate(parsed, new ValidationContext(state, 2025, new Dictionary<string, Domain.Observation>()));
        var submission = new Submission
        {
            Id = SubmissionId.New("MEX", 2025, DateTimeOffset.UnixEpoch),
            Country = "MEX",
            Year = 2025,
            Status = outcome.Accepted ? SubmissionStatus.Accepted : SubmissionStatus.Rejected,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            FileName = fileName,
            ContentType = FileNames.ContentTypeOf(format),
            Format = format,
            Sha256 = new string('0', 64),
            Size = file.Length,
            Language = Language.Es,
            SubmittedBy = "test",
            Counts = new SubmissionCounts(outcome.Rows, outcome.Observations.Count, outcome.Errors.Count, outcome.Warnings.Count),
        };
        var problems = new SubmissionReport(submission.Id, outcome.Errors, outcome.Warnings);
        var rendered = await new SubmissionReportRenderer(new OneFile(file), Shipped.Data).RenderAsync(submission, problems, reportFormat, language, CancellationToken.None);
        return (rendered, problems);
    }

    [Fact]
    public async Task A_csv_is_shown_as_sent_with_the_problem_cells_marked()
    {
        var csv = Encoding.UTF8.GetBytes("Indicador;Sexo;Valor\r\nCT_PERS_PROS;;12\r\nCT_PERS_CONV;Marciano;3\r\n");

        var (report, problems) = await RenderAsync(csv, ReturnFormat.Csv, "retorno.csv", ReportFormat.Xlsx, Language.Es);

        var error = Assert.Single(problems.Errors);
        using var workbook = new GeneratedWorkbook(report.Content);
        Assert.Equal("retorno.csv", workbook.Sheets[1].Name!.Value);
        Assert.Equal("Marciano", workbook.Text("retorno.csv", "B3"));
        Assert.Equal(SubmissionReportRenderer.ErrorFillRgb, workbook.FillRgb(workbook.Cell("retorno.csv", "B3")!));
        Assert.Contains(MessageCatalog.Default.Render(error, Language.Es), workbook.Text("retorno.csv", "D3"));
        Assert.Equal("12", workbook.Text("retorno.csv", "C2"));
    }

    [Fact]
    public async Task A_json_return_is_shown_as_a_table_of_its_observations()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"observations": [
              {"indicator": "CT_PERS_PROS", "dimensions": {"SEX": "F"}, "value": 4},
              {"indicator": "CT_PERS_CONV", "value": -2, "note": "revisar"}
            ]}
            """);

        var (report, problems) = await RenderAsync(json, ReturnFormat.Json, "retorno.json", ReportFormat.Xlsx, Language.Es);

        var error = Assert.Single(problems.Errors);
        Assert.Equal((2, "value"), (error.Row, error.Column));
        using var workbook = new GeneratedWorkbook(report.Content);
        var header = workbook.Rows("observations").First(r => r.RowIndex!.Value == 1)
            .Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(workbook.Text).ToList();
        var value = header.IndexOf("value");
        Assert.True(value >= 0, string.Join(", ", header));
        // Observation 2 stands on row 3, below the header.
        var cell = workbook.Cell("observations", ColumnLetters.FromIndex(value) + 3)!;
        Assert.Equal("-2", workbook.Text(cell));
        Assert.Equal(SubmissionReportRenderer.ErrorFillRgb, workbook.FillRgb(cell));
    }

    [Fact]
    public async Task The_workbook_report_conforms_to_the_office_open_xml_schema()
    {
        var csv = Encoding.UTF8.GetBytes("Indicator,Sex,Value\r\nCT_PERS_PROS,,12\r\nCT_PERS_CONV,Martian,3\r\n");
        var (report, _) = await RenderAsync(csv, ReturnFormat.Csv, "return.csv", ReportFormat.Xlsx, Language.Fr);

        using var stream = new MemoryStream(report.Content);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public async Task The_page_of_an_accepted_return_says_so_in_its_language_and_escapes_what_the_file_holds()
    {
        var csv = Encoding.UTF8.GetBytes("Indicateur,Sexe,Valeur,Note\r\nCT_PERS_PROS,,12,<b>tribunaux</b>\r\nCT_PERS_CONV,,<script>,\r\n");

        var (report, problems) = await RenderAsync(csv, ReturnFormat.Csv, "retour.csv", ReportFormat.Html, Language.Fr);

        Assert.Equal(SubmissionReportRenderer.HtmlContentType, report.ContentType);
        var html = Encoding.UTF8.GetString(report.Content);
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<caption>", html);
        Assert.Contains("<th scope=\"col\">", html);
        Assert.Contains("Rapport de validation", html);
        Assert.Contains(MessageCatalog.Default.Render(Assert.Single(problems.Errors), Language.Fr), WebUtility.HtmlDecode(html));
    }
}
