using System.Text;
using System.Text.Json;
using Observatory.Core.Problems;
using Observatory.Core.Validation;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// Issue 11, rows 1, 2, 3, 5, 9 and 10, through the function classes over Azurite: files made to exhaust memory, to
/// overflow a column number, to make huge reports or to break text end <c>rejected</c> with a positioned reason on the
/// first attempt, and every answer about them stays small.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HostileFileTests(PipelineHarness pipeline)
{
    private const string CsvType = "text/csv";
    private const string JsonType = "application/json";

    private Task<ApiResponse> GetReportAsync(string key, string id, string format) =>
        pipeline.InvokeAsync(pipeline.Request("GET", $"/api/submissions/{id}/report", $"format={format}", key),
            r => pipeline.Function<GetSubmissionReport>().Run(r, id, CancellationToken.None));

    /// <summary>Uploads, processes, and returns the submission's status: it must be rejected, the processing never throwing.</summary>
    private async Task<(string Key, string Id, ApiResponse Status)> RejectedAsync(string country, string query, byte[] file, string contentType)
    {
        var (_, key) = await pipeline.IssueKeyAsync(country);
        var upload = await pipeline.UploadAsync(key, query, file, contentType);
        // 200 when the same bytes were received before (the tests run again over one Azurite).
        Assert.True(upload.Status is 202 or 200, $"{upload.Status}: {upload.Text}");
        var id = upload.Json.GetProperty("id").GetString()!;
        await pipeline.ProcessAllAsync();
        var status = await pipeline.GetSubmissionAsync(key, id, "lang=es");
        Assert.Equal("rejected", status.Json.GetProperty("status").GetString());
        return (key, id, status);
    }

    private static JsonElement FirstError(ApiResponse status) => status.Json.GetProperty("errors").EnumerateArray().First();

    [Fact]
    public async Task Row_1_a_shared_string_bomb_is_rejected_with_a_reason_on_the_first_attempt()
    {
        var file = HostileWorkbook.Build(
            rows => rows.Write(HostileWorkbook.Row(1, ("A1", "Indicador"), ("B1", "Valor")) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"),
            strings =>
            {
                strings.Write($"<sst xmlns=\"{HostileWorkbook.MainNamespace}\"><si><t>");
                var chunk = new string('x', 1 << 20);
                for (var i = 0; i < 64; i++) strings.Write(chunk);
                strings.Write("</t></si></sst>");
            });

        var (_, _, status) = await RejectedAsync("PRY", "year=2021", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var error = FirstError(status);
        Assert.Equal(ProblemTypes.LimitExceeded, error.GetProperty("type").GetString());
        Assert.Contains("MB", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.Json.GetProperty("counts").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Row_2_a_header_at_column_FXSHRXX_is_refused_for_its_year_without_one_and_rejected_at_its_cell_with_one()
    {
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("A1", "Indicador"), ("FXSHRXX1", "Valor")) + HostileWorkbook.Row(2, ("A2", "CT_PERS_PROS"), ("FXSHRXX2", "12")));
        var (_, key) = await pipeline.IssueKeyAsync("URY");

        var withoutYear = await pipeline.UploadAsync(key, "", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(400, withoutYear.Status);

        var (_, _, status) = await RejectedAsync("URY", "year=2021", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var error = FirstError(status);
        Assert.Equal((1, "FXSHRXX"), (error.GetProperty("row").GetInt32(), error.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Row_3_the_reports_over_an_unknown_header_at_ZZZZZ1_and_three_bad_rows_stay_small()
    {
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("A1", "Indicador"), ("B1", "Valor"), ("ZZZZZ1", "Desconocida")) +
            HostileWorkbook.Row(2, ("A2", "CT_PERS_PROS"), ("B2", "x")) +
            HostileWorkbook.Row(3, ("A3", "CT_PERS_CONV"), ("B3", "-1")) +
            HostileWorkbook.Row(4, ("A4", "NO_EXISTE"), ("B4", "2")));
        var (key, id, status) = await RejectedAsync("GTM", "year=2021", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.True(status.Body.Length < 16 * 1024, $"The status is {status.Body.Length} bytes.");
        foreach (var format in new[] { "html", "xlsx" })
        {
            var report = await GetReportAsync(key, id, format);
            Assert.Equal(200, report.Status);
            Assert.True(report.Body.Length < 64 * 1024, $"The {format} report is {report.Body.Length} bytes.");
        }
    }

    [Fact]
    public async Task Row_5_a_csv_of_200000_bad_rows_has_a_small_status_and_small_reports()
    {
        var csv = new StringBuilder("Indicador;Valor\r\n");
        for (var i = 0; i < 200_000; i++) csv.Append("CT_PERS_PROS;x\r\n");

        var (key, id, status) = await RejectedAsync("HND", "year=2021", Encoding.UTF8.GetBytes(csv.ToString()), CsvType);

        Assert.Equal(399_999, status.Json.GetProperty("counts").GetProperty("errors").GetInt32());
        Assert.Equal(1_000, status.Json.GetProperty("errors").GetArrayLength());
        var omitted = status.Json.GetProperty("omitted").EnumerateArray().ToList();
        Assert.Equal(399_999 - 1_000, omitted.Sum(o => o.GetProperty("count").GetInt32()));
        Assert.All(omitted, o => Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("message").GetString())));
        Assert.True(status.Body.Length < 1024 * 1024, $"The status is {status.Body.Length} bytes.");
        foreach (var format in new[] { "html", "xlsx" })
        {
            var report = await GetReportAsync(key, id, format);
            Assert.Equal(200, report.Status);
            Assert.True(report.Body.Length < 1024 * 1024, $"The {format} report is {report.Body.Length} bytes.");
        }
    }

    [Fact]
    public async Task Row_9_a_json_note_of_40000_characters_is_rejected_on_the_first_attempt()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"country":"NIC","year":2021,"observations":[{"indicator":"CT_PERS_PROS","value":12,"note":"{{new string('n', 40_000)}}"}]}""");

        var (_, id, status) = await RejectedAsync("NIC", "", json, JsonType);

        var error = FirstError(status);
        Assert.Equal((1, "note"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        var record = await pipeline.GetSubmissionAsync(pipeline.AdminKey, id);
        Assert.Equal(JsonValueKind.Null, record.Json.GetProperty("failureReason").ValueKind);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("country")]
    public async Task Row_9_json_text_that_is_not_utf8_is_rejected_where_it_stands(string property)
    {
        var country = property == "country" ? "\"PA\xC3\x28\"" : "\"PAN\"";
        var note = property == "note" ? "\"mal\xC3\x28\"" : "\"bien\"";
        var json = Encoding.Latin1.GetBytes($$"""{"country":{{country}},"year":2021,"observations":[{"indicator":"CT_PERS_PROS","value":{{(property == "note" ? 12 : 13)}},"note":{{note}}}]}""");

        var (_, _, status) = await RejectedAsync("PAN", "", json, JsonType);

        var error = FirstError(status);
        Assert.Equal(ProblemTypes.EncodingError, error.GetProperty("type").GetString());
        Assert.Equal(property, error.GetProperty("column").GetString());
    }

    [Fact]
    public async Task Row_10_the_xlsx_report_of_a_value_with_control_characters_is_a_valid_workbook()
    {
        var csv = Encoding.UTF8.GetBytes("Indicador;Valor\r\nCT_PERS_PROS;12\u0001\u000b\u001b\r\n");
        var (key, id, _) = await RejectedAsync("CRI", "year=2021", csv, CsvType);

        var report = await GetReportAsync(key, id, "xlsx");

        Assert.Equal(200, report.Status);
        using var workbook = new GeneratedWorkbook(report.Body);
        Assert.Equal("12\uFFFD\uFFFD\uFFFD", workbook.Text(workbook.Sheets[1].Name!.Value!, "B2"));
    }
}
