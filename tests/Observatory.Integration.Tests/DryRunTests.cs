using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Reports;
using Observatory.Core.Validation;
using Observatory.Functions.Admin;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// The dry run (POST /api/validations): a file checked as a submission of it would be, with the same report, the same
/// refusals, the same checks against the state's data, and nothing stored.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DryRunTests(PipelineHarness pipeline)
{
    /// <summary>A Spanish return of El Salvador with one mistake: a negative count of girls on row 6, column F.</summary>
    private static byte[] WithOneMistake() => ReturnFiles.Xlsx(WithValue(SampleReturns.ValidSpanish(country: "El Salvador"), 5, -20));

    /// <summary>The rows with the value (column F) of one row replaced.</summary>
    private static List<object?[]> WithValue(IReadOnlyList<object?[]> rows, int index, object value)
    {
        var copy = rows.Select(r => (object?[])r.Clone()).ToList();
        copy[index][5] = value;
        return copy;
    }

    private static List<(string? Sheet, int? Row, string? Column, string Message)> Problems(JsonElement report, string kind) =>
        [.. report.GetProperty(kind).EnumerateArray().Select(e => (
            e.TryGetProperty("sheet", out var sheet) ? sheet.GetString() : null,
            e.TryGetProperty("row", out var row) && row.ValueKind == JsonValueKind.Number ? row.GetInt32() : (int?)null,
            e.TryGetProperty("column", out var column) ? column.GetString() : null,
            e.GetProperty("message").GetString()!))];

    [Fact]
    public async Task A_dry_run_writes_nothing_to_blobs_tables_or_queues()
    {
        // A pipeline of its own whose Azure SDK clients count every request they send to Azurite.
        var requests = new StorageRequests();
        var counting = new PipelineHarness
        {
            ConfigureServices = services =>
            {
                var connection = StorageConnection.FromConnectionString(TestStorage.ConnectionString);
                services.AddSingleton(_ => connection.CreateTableServiceClient(StorageClientOptions.Tables(requests.Tables)));
                services.AddSingleton(_ => connection.CreateBlobServiceClient(StorageClientOptions.Blobs(requests.Blobs)));
                services.AddSingleton(_ => connection.CreateQueueServiceClient(StorageClientOptions.Queues(requests.Queues)));
            },
        };
        await counting.InitializeAsync();
        var (_, key) = await counting.IssueKeyAsync("GTM");
        // Last year's data exists, so the dry run has something to read.
        var lastYear = await counting.UploadAsync(key, "year=2016", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(country: "Guatemala")), ReturnFiles.XlsxType);
        Assert.True(lastYear.Status is 200 or 202, lastYear.Text);
        await counting.ProcessAllAsync();
        requests.Reset();

        var valid = ReturnFiles.Xlsx(SampleReturns.ValidSpanish(25, 12, "Guatemala"));
        var invalid = ReturnFiles.Xlsx(WithValue(SampleReturns.ValidSpanish(country: "Guatemala"), 5, -1));
        var answers = new List<ApiResponse>
        {
            await counting.ValidateAsync(key, "year=2017", valid, ReturnFiles.XlsxType),
            await counting.ValidateAsync(key, "year=2017", invalid, ReturnFiles.XlsxType),
            await counting.ValidateAsync(key, "year=2017&mode=amend", valid, ReturnFiles.XlsxType),
            await counting.ValidateAsync(key, "year=2017&format=xlsx", invalid, ReturnFiles.XlsxType),
            await counting.ValidateAsync(key, "year=2017&format=html&lang=en", invalid, ReturnFiles.XlsxType),
        };

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal("valid", answers[0].Json.GetProperty("status").GetString());
        Assert.Equal("invalid", answers[1].Json.GetProperty("status").GetString());
        var writes = requests.ByKind.Where(k => k.Key.Split(' ')[1] is "PUT" or "POST" or "MERGE" or "DELETE" or "PATCH").ToList();
        Assert.True(writes.Count == 0, "The dry run wrote: " + string.Join(", ", writes.Select(w => $"{w.Key} × {w.Value}")));
        // The counter saw the dry runs' reads (the key, the lock, last year's data), so a write would have been seen too.
        Assert.True(requests.Tables.Total >= answers.Count * 2, string.Join(", ", requests.ByKind.Select(k => $"{k.Key} × {k.Value}")));
        Assert.Equal(0, (await counting.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task An_invalid_file_gets_each_error_at_its_sheet_row_and_column_in_the_chosen_language_as_its_submission_would()
    {
        var (_, key) = await pipeline.IssueKeyAsync("SLV");
        var file = WithOneMistake();

        var spanish = await pipeline.ValidateAsync(key, "year=2016", file, ReturnFiles.XlsxType);
        var english = await pipeline.ValidateAsync(key, "year=2016&lang=en", file, ReturnFiles.XlsxType);

        Assert.Equal(200, spanish.Status);
        Assert.Equal("invalid", spanish.Json.GetProperty("status").GetString());
        Assert.Equal("es", spanish.Json.GetProperty("language").GetString());
        Assert.False(spanish.Json.TryGetProperty("id", out _));
        var errors = Problems(spanish.Json, "errors");
        var girls = Assert.Single(errors, e => e.Row == 6 && e.Column == "F");
        Assert.Equal("Datos", girls.Sheet);
        Assert.Equal(errors.Count, spanish.Json.GetProperty("counts").GetProperty("errors").GetInt32());
        var englishErrors = Problems(english.Json, "errors");
        Assert.Equal(errors.Select(e => (e.Sheet, e.Row, e.Column)), englishErrors.Select(e => (e.Sheet, e.Row, e.Column)));
        Assert.NotEqual(girls.Message, Assert.Single(englishErrors, e => e.Row == 6 && e.Column == "F").Message);

        // The same file sent for real: the same errors, word for word, in either language.
        var upload = await pipeline.UploadAsync(key, "year=2016", file, ReturnFiles.XlsxType);
        await pipeline.ProcessAllAsync();
        var id = upload.Json.GetProperty("id").GetString()!;
        var submitted = (await pipeline.GetSubmissionAsync(key, id)).Json;
        Assert.Equal("rejected", submitted.GetProperty("status").GetString());
        Assert.Equal(Problems(submitted, "errors"), errors);
        Assert.Equal(Problems((await pipeline.GetSubmissionAsync(key, id, "lang=en")).Json, "errors"), englishErrors);
        Assert.Equal(submitted.GetProperty("counts").GetRawText(), spanish.Json.GetProperty("counts").GetRawText());
    }

    [Fact]
    public async Task Another_states_key_and_bad_requests_are_refused_as_an_upload_is()
    {
        var (_, salvador) = await pipeline.IssueKeyAsync("SLV");
        var file = ReturnFiles.Xlsx(SampleReturns.ValidSpanish(country: "Honduras"));
        var cases = new (string? Key, string Query, byte[] Body, string ContentType)[]
        {
            (salvador, "country=HND&year=2016", file, ReturnFiles.XlsxType),
            (null, "country=HND&year=2016", file, ReturnFiles.XlsxType),
            ("not-a-key", "country=HND&year=2016", file, ReturnFiles.XlsxType),
            (salvador, "year=2016&lang=de", file, ReturnFiles.XlsxType),
            (salvador, "year=2016&mode=merge", file, ReturnFiles.XlsxType),
            (salvador, "year=1970", file, ReturnFiles.XlsxType),
            (salvador, "country=VEN&year=2024", file, ReturnFiles.XlsxType),
            (salvador, "year=2016", "%PDF-1.7 not a return"u8.ToArray(), "application/pdf"),
            (salvador, "year=2016", [], ReturnFiles.XlsxType),
        };
        foreach (var (key, query, body, contentType) in cases)
        {
            var upload = await pipeline.UploadAsync(key!, query, body, contentType);
            var check = await pipeline.ValidateAsync(key!, query, body, contentType);
            Assert.True(upload.Status >= 400, $"{query}: the upload was not refused ({upload.Status})");
            Assert.Equal((upload.Status, upload.ContentType), (check.Status, check.ContentType));
            Assert.Equal(upload.Json.GetProperty("detail").GetString(), check.Json.GetProperty("detail").GetString());
        }

        // Staff may check any state's file; a file over the upload limit is refused before it is read.
        Assert.Equal(200, (await pipeline.ValidateAsync(pipeline.AdminKey, "country=HND&year=2016", file, ReturnFiles.XlsxType)).Status);
        var tooLarge = pipeline.Request("POST", "/api/validations", "year=2016", salvador, file, ReturnFiles.XlsxType);
        tooLarge.ContentLength = 26L * 1024 * 1024;
        var refused = await pipeline.InvokeAsync(tooLarge, r => pipeline.Function<Observatory.Functions.Validations.ValidateReturn>().Run(r, CancellationToken.None));
        Assert.Equal(413, refused.Status);
        Assert.StartsWith("application/problem+json", refused.ContentType);
    }

    [Fact]
    public async Task Last_years_values_the_mode_and_a_lock_count_as_they_do_for_a_submission()
    {
        var (_, key) = await pipeline.IssueKeyAsync("COL");
        var lastYear = await pipeline.UploadAsync(key, "year=2015", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(20, 10, "Colombia")), ReturnFiles.XlsxType);
        Assert.True(lastYear.Status is 200 or 202, lastYear.Text);
        await pipeline.ProcessAllAsync();

        // Ten times last year's girls: a warning that points at the cell, as the submission of the same file gets.
        var surge = ReturnFiles.Xlsx(SampleReturns.ValidSpanish(200, 10, "Colombia"));
        var check = (await pipeline.ValidateAsync(key, "year=2016&mode=amend", surge, ReturnFiles.XlsxType)).Json;
        Assert.Equal("valid", check.GetProperty("status").GetString());
        Assert.Equal("amend", check.GetProperty("mode").GetString());
        var warning = Assert.Single(Problems(check, "warnings"), w => w.Row == 6);
        Assert.Equal("F", warning.Column);
        Assert.Contains("2015", warning.Message);
        var sent = await pipeline.UploadAsync(key, "year=2016&mode=amend", surge, ReturnFiles.XlsxType);
        await pipeline.ProcessAllAsync();
        var submitted = (await pipeline.GetSubmissionAsync(key, sent.Json.GetProperty("id").GetString()!)).Json;
        Assert.Equal("accepted", submitted.GetProperty("status").GetString());
        Assert.Equal(Problems(submitted, "warnings"), Problems(check, "warnings"));
        Assert.Equal(submitted.GetProperty("counts").GetRawText(), check.GetProperty("counts").GetRawText());

        // With nothing accepted for the year before, the same figures draw no warning.
        var noHistory = (await pipeline.ValidateAsync(key, "year=2014", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(200, 10, "Colombia")), ReturnFiles.XlsxType)).Json;
        Assert.Empty(Problems(noHistory, "warnings"));

        // A locked state-year refuses the check as it refuses the upload, and opens to both when unlocked.
        Assert.Equal(200, (await SetLockAsync("""{"country":"COL","year":2016,"locked":true,"reason":"published"}""")).Status);
        try
        {
            var locked = await pipeline.ValidateAsync(key, "year=2016", surge, ReturnFiles.XlsxType);
            Assert.Equal(409, locked.Status);
            Assert.Equal((await pipeline.UploadAsync(key, "year=2016", surge, ReturnFiles.XlsxType)).Json.GetProperty("detail").GetString(),
                locked.Json.GetProperty("detail").GetString());
        }
        finally
        {
            Assert.Equal(200, (await SetLockAsync("""{"country":"COL","year":2016,"locked":false}""")).Status);
        }
        Assert.Equal(200, (await pipeline.ValidateAsync(key, "year=2016", surge, ReturnFiles.XlsxType)).Status);
    }

    [Fact]
    public async Task The_annotated_report_comes_as_a_workbook_or_a_page_worded_as_a_check()
    {
        var (_, key) = await pipeline.IssueKeyAsync("SLV");
        var file = WithOneMistake();

        var workbook = await pipeline.ValidateAsync(key, "year=2016&format=xlsx", file, ReturnFiles.XlsxType);
        Assert.Equal(200, workbook.Status);
        Assert.Equal(SubmissionReportRenderer.XlsxContentType, workbook.ContentType);
        Assert.Contains("check-SLV-2016-es.xlsx", workbook.Headers.ContentDisposition.ToString());
        using (var report = new GeneratedWorkbook(workbook.Body))
        {
            Assert.Equal(["Resumen", "Datos"], report.Sheets.Select(s => s.Name!.Value));
            var summary = report.Rows("Resumen").SelectMany(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(report.Text).ToList();
            Assert.Contains("No válido: corríjalo antes de enviarlo", summary);
            Assert.Contains(summary, t => t.StartsWith("El archivo solo se comprobó", StringComparison.Ordinal));
            Assert.DoesNotContain("Envío", summary);
            // The girls' cell of the file is marked red where it stands, F6.
            Assert.Equal(SubmissionReportRenderer.ErrorFillRgb, report.FillRgb(report.Cell("Datos", "F6")!));
        }

        var page = await pipeline.ValidateAsync(key, "year=2016&format=html&lang=pt", file, ReturnFiles.XlsxType);
        Assert.Equal(200, page.Status);
        Assert.Equal(SubmissionReportRenderer.HtmlContentType, page.ContentType);
        Assert.Contains("<html lang=\"pt\">", page.Text);
        Assert.Contains("class=\"status-invalid\"", page.Text);
        Assert.Contains("O arquivo foi apenas verificado", page.Text);

        var valid = await pipeline.ValidateAsync(key, "year=2016&format=html", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(country: "El Salvador")), ReturnFiles.XlsxType);
        Assert.Contains("class=\"status-valid\"", valid.Text);
        Assert.Equal(400, (await pipeline.ValidateAsync(key, "year=2016&format=pdf", file, ReturnFiles.XlsxType)).Status);
    }

    [Fact]
    public async Task A_multipart_form_is_checked_like_a_raw_body()
    {
        var (_, key) = await pipeline.IssueKeyAsync("SLV");
        var file = WithOneMistake();
        const string boundary = "dryrun0boundary";
        var form = new MemoryStream();
        form.Write(System.Text.Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"informe.xlsx\"\r\nContent-Type: {ReturnFiles.XlsxType}\r\n\r\n"));
        form.Write(file);
        form.Write(System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));

        var multipart = await pipeline.ValidateAsync(key, "year=2016", form.ToArray(), $"multipart/form-data; boundary={boundary}");
        var raw = await pipeline.ValidateAsync(key, "year=2016", file, ReturnFiles.XlsxType);

        Assert.Equal(200, multipart.Status);
        Assert.Equal("informe.xlsx", multipart.Json.GetProperty("fileName").GetString());
        Assert.Equal(Problems(raw.Json, "errors"), Problems(multipart.Json, "errors"));
    }

    private Task<ApiResponse> SetLockAsync(string body) =>
        pipeline.InvokeAsync(pipeline.Request("POST", "/api/admin/locks", key: pipeline.AdminKey, body: System.Text.Encoding.UTF8.GetBytes(body), contentType: "application/json"),
            r => pipeline.Function<SetStateYearLock>().Run(r, CancellationToken.None));
}
