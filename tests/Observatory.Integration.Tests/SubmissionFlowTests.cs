using System.Text.Json;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Validation;
using Observatory.Functions.Observations;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

[Collection(PipelineCollection.Name)]
public sealed class SubmissionFlowTests(PipelineHarness pipeline)
{
    [Fact]
    public async Task A_spanish_workbook_with_labels_and_a_title_row_is_accepted_and_normalized()
    {
        var (_, key) = await pipeline.IssueKeyAsync("MEX");
        var upload = await pipeline.UploadAsync(key, "country=MEX&year=2024", ReturnFiles.Xlsx(SampleReturns.ValidSpanish()), ReturnFiles.XlsxType);

        Assert.Equal(202, upload.Status);
        var id = upload.Json.GetProperty("id").GetString()!;
        Assert.Equal("queued", upload.Json.GetProperty("status").GetString());
        Assert.Equal($"/api/submissions/{id}", upload.Headers.Location.ToString());
        Assert.Equal(64, upload.Json.GetProperty("sha256").GetString()!.Length);

        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, id);
        Assert.Equal("accepted", status.Json.GetProperty("status").GetString());
        Assert.Equal(8, status.Json.GetProperty("counts").GetProperty("observations").GetInt32());
        Assert.Equal(0, status.Json.GetProperty("counts").GetProperty("errors").GetInt32());

        var observations = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", "country=MEX&year=2024", key),
            r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        Assert.Equal(200, observations.Status);
        Assert.Equal(id, observations.Json.GetProperty("submissionId").GetString());
        Assert.Equal(SampleReturns.ValidSpanishNormalized().Order(StringComparer.Ordinal), Normalized(observations.Json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_return_with_errors_is_rejected_with_every_error_located_and_explained_in_spanish()
    {
        var (_, key) = await pipeline.IssueKeyAsync("ARG");
        var upload = await pipeline.UploadAsync(key, "country=ARG&year=2024", ReturnFiles.Xlsx(SampleReturns.WithErrorsSpanish()), ReturnFiles.XlsxType);
        var id = upload.Json.GetProperty("id").GetString()!;

        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, id);
        Assert.Equal("rejected", status.Json.GetProperty("status").GetString());
        var errors = status.Json.GetProperty("errors").EnumerateArray()
            .Select(e => (Type: e.GetProperty("type").GetString(), Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(),
                Value: e.GetProperty("value").GetString(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e is { Type: ProblemTypes.ConstraintError, Row: 5, Column: "C", Value: "-3" });
        Assert.Contains(errors, e => e is { Type: ProblemTypes.UnknownIndicator, Row: 6, Column: "A", Value: "Indicador inventado" });
        Assert.Contains(errors, e => e is { Type: ProblemTypes.UnknownCode, Row: 7, Column: "B", Value: "Marciano" });
        Assert.Contains(errors, e => e is { Type: ProblemTypes.TypeError, Row: 8, Column: "C", Value: "doce" });
        Assert.Equal(4, status.Json.GetProperty("counts").GetProperty("errors").GetInt32());

        // Argentina works in Spanish: the same report asked for in English says the same thing in other words.
        var english = await pipeline.GetSubmissionAsync(key, id, "lang=en");
        var englishMessages = english.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.All(errors, e => Assert.DoesNotContain(e.Message, englishMessages));
        Assert.All(errors.Where(e => e.Type == ProblemTypes.TypeError), e => Assert.Contains("doce", e.Message));
        Assert.Equal(Language.Es.ToCode(), status.Json.GetProperty("language").GetString());

        // Nothing of a rejected return becomes data.
        var observations = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", "country=ARG&year=2024", key),
            r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        Assert.Equal(404, observations.Status);
    }

    [Fact]
    public async Task The_same_bytes_sent_twice_return_the_existing_submission_and_are_processed_once()
    {
        var (_, key) = await pipeline.IssueKeyAsync("CHL");
        var file = ReturnFiles.Xlsx(SampleReturns.ValidSpanish(7, 3, "Chile"));
        var first = await pipeline.UploadAsync(key, "country=CHL&year=2024", file, ReturnFiles.XlsxType);
        var second = await pipeline.UploadAsync(key, "country=CHL&year=2024", file, ReturnFiles.XlsxType);

        Assert.Equal(202, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(first.Json.GetProperty("id").GetString(), second.Json.GetProperty("id").GetString());
        Assert.Equal(1, (await pipeline.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_delivered_twice_ends_in_the_same_stored_state()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var upload = await pipeline.UploadAsync(key, "country=PER&year=2024", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(4, 6, "Perú")), ReturnFiles.XlsxType);
        var id = upload.Json.GetProperty("id").GetString()!;

        var message = await pipeline.ProcessNextMessageAsync();
        var afterFirst = await ObservationRowsAsync("PER-2024");
        var statusAfterFirst = (await pipeline.GetSubmissionAsync(key, id)).Json;

        // The host delivers the same message again (a lost delete, a crash after the work was done).
        await pipeline.Function<Observatory.Functions.Submissions.ProcessSubmission>().Run(message!, CancellationToken.None);

        Assert.Equal(afterFirst, await ObservationRowsAsync("PER-2024"));
        var statusAfterSecond = (await pipeline.GetSubmissionAsync(key, id)).Json;
        Assert.Equal("accepted", statusAfterSecond.GetProperty("status").GetString());
        Assert.Equal(statusAfterFirst.GetProperty("completedAt").GetString(), statusAfterSecond.GetProperty("completedAt").GetString());
    }

    [Fact]
    public async Task A_csv_upload_in_semicolons_is_accepted()
    {
        var (_, key) = await pipeline.IssueKeyAsync("URY");
        var rows = SampleReturns.ValidSpanish(11, 9).Where(r => r.Length > 0 && r[0] is not null && !r[0]!.ToString()!.StartsWith("País", StringComparison.Ordinal)).ToList();
        var upload = await pipeline.UploadAsync(key, "year=2024", ReturnFiles.Csv(rows, ';'), "text/csv");
        Assert.Equal(202, upload.Status);
        Assert.Equal("URY", upload.Json.GetProperty("country").GetString());

        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, upload.Json.GetProperty("id").GetString()!);
        Assert.Equal("accepted", status.Json.GetProperty("status").GetString());
    }

    private static IEnumerable<string> Normalized(JsonElement observations) =>
        observations.GetProperty("observations").EnumerateArray().Select(o =>
        {
            var dimensions = string.Concat(o.GetProperty("dimensions").EnumerateObject().Select(d => $"|{d.Name}={d.Value.GetString()}"));
            return $"{o.GetProperty("indicator").GetString()}{dimensions}={o.GetProperty("value")}";
        });

    private async Task<List<string>> ObservationRowsAsync(string partition)
    {
        var table = pipeline.Tables.GetTableClient(Observatory.Storage.StorageNames.ObservationsTable);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{partition}'"))
            rows.Add($"{entity.RowKey}:{entity.GetInt64("Number")}{entity.GetString("Code")}");
        return rows;
    }
}
