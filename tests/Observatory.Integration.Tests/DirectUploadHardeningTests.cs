using Azure.Storage.Blobs;
using Observatory.Functions.Admin;
using Observatory.Functions.Submissions;
using Observatory.Functions.Uploads;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;
using Observatory.LocalHost.Emulation;

namespace Observatory.Integration.Tests;

/// <summary>
/// Direct upload tickets are single-use and die with their key, and every direct upload gets a final answer with its
/// blob cleaned up (issue 11, rows 12, 13 and 15).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DirectUploadHardeningTests(PipelineHarness pipeline)
{
    [Fact]
    public async Task A_revoked_keys_pending_ticket_is_refused_when_its_blob_arrives()
    {
        var (keyId, key) = await pipeline.IssueKeyAsync("PRY");
        var (uploadId, url) = await RequestUrlAsync(pipeline, key, "year=2023&fileName=return.csv");
        var revoke = await pipeline.InvokeAsync(pipeline.Request("DELETE", $"/api/admin/keys/{keyId}", key: pipeline.AdminKey),
            r => pipeline.Function<RevokeApiKey>().Run(r, keyId, CancellationToken.None));
        Assert.Equal(204, revoke.Status);

        await new BlobClient(url).UploadAsync(new BinaryData(ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]])));
        await ArriveAsync(pipeline, url);

        var status = await GetUploadAsync(pipeline, pipeline.AdminKey, uploadId);
        Assert.Contains("revoked", status.Json.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.Json.GetProperty("submissionId").ValueKind);
        Assert.Equal(0, (await pipeline.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False(await BlobOf(pipeline, url).ExistsAsync());
    }

    [Fact]
    public async Task A_second_put_to_a_used_ticket_does_not_make_a_second_submission()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PRY");
        var (uploadId, url) = await RequestUrlAsync(pipeline, key, "year=2022&fileName=return.csv");
        await new BlobClient(url).UploadAsync(new BinaryData(ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]])));
        await ArriveAsync(pipeline, url);
        await pipeline.ProcessAllAsync();

        // The URL still works for its 15 minutes: a second, different file is put to it.
        await new BlobClient(url).UploadAsync(new BinaryData(ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "NO"]])), overwrite: true);
        await ArriveAsync(pipeline, url);

        var list = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=PRY&year=2022", key),
            r => pipeline.Function<ListSubmissions>().Run(r, CancellationToken.None));
        Assert.Single(list.Json.GetProperty("submissions").EnumerateArray());
        Assert.Equal(0, (await pipeline.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False(await BlobOf(pipeline, url).ExistsAsync());
        Assert.NotNull((await GetUploadAsync(pipeline, key, uploadId)).Json.GetProperty("submissionId").GetString());
    }

    [Fact]
    public async Task A_direct_upload_over_the_size_limit_is_refused_with_its_reason_and_its_blob_deleted()
    {
        var harness = new PipelineHarness { Settings = { ["Observatory:MaxDirectUploadBytes"] = "1024" } };
        await harness.InitializeAsync();
        var (_, key) = await harness.IssueKeyAsync("PRY");
        var (uploadId, url) = await RequestUrlAsync(harness, key, "year=2021&fileName=return.csv");
        await new BlobClient(url).UploadAsync(new BinaryData(new byte[4096]));

        await ArriveAsync(harness, url);   // refused at once: no retries, no poison queue needed

        var status = await GetUploadAsync(harness, key, uploadId);
        Assert.True(status.Json.GetProperty("received").GetBoolean());
        Assert.Contains("larger than", status.Json.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.False(await BlobOf(harness, url).ExistsAsync());
    }

    [Fact]
    public async Task An_upload_whose_event_failed_every_retry_gets_its_final_answer_from_the_poison_queue_and_its_blob_is_deleted()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PRY");
        var (uploadId, url) = await RequestUrlAsync(pipeline, key, "year=2020&fileName=return.csv");
        await new BlobClient(url).UploadAsync(new BinaryData(ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]])));

        // The host moved the event to upload-events-poison after its retries; the poison trigger answers.
        await pipeline.Function<FailPoisonedUploadEvent>().Run(Announcement(url), CancellationToken.None);

        var status = await GetUploadAsync(pipeline, key, uploadId);
        Assert.True(status.Json.GetProperty("received").GetBoolean());
        Assert.Contains("could not be taken in", status.Json.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.False(await BlobOf(pipeline, url).ExistsAsync());

        // A late delivery of the same event changes nothing: the ticket is used.
        await pipeline.Function<ReceiveUploadEvent>().Run(Announcement(url), CancellationToken.None);
        Assert.Equal(0, (await pipeline.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Another_states_upload_answers_exactly_as_a_missing_one()
    {
        var (_, mexico) = await pipeline.IssueKeyAsync("MEX");
        var (_, paraguay) = await pipeline.IssueKeyAsync("PRY");
        var (uploadId, _) = await RequestUrlAsync(pipeline, mexico, "year=2020&fileName=return.csv");
        var missingId = "MEX-2020-0000000000000000";

        var other = await GetUploadAsync(pipeline, paraguay, uploadId);
        var missing = await GetUploadAsync(pipeline, paraguay, missingId);

        Assert.Equal(404, other.Status);
        Assert.Equal(missing.Status, other.Status);
        Assert.Equal(missing.Json.GetProperty("title").GetString(), other.Json.GetProperty("title").GetString());
        Assert.Equal(missing.Json.GetProperty("detail").GetString()!.Replace(missingId, uploadId, StringComparison.Ordinal),
            other.Json.GetProperty("detail").GetString());
    }

    private static async Task<(string UploadId, Uri Url)> RequestUrlAsync(PipelineHarness harness, string key, string query)
    {
        var ticket = await harness.InvokeAsync(harness.Request("POST", "/api/uploads", query, key), r => harness.Function<RequestUploadUrl>().Run(r, CancellationToken.None));
        Assert.Equal(201, ticket.Status);
        return (ticket.Json.GetProperty("uploadId").GetString()!, new Uri(ticket.Json.GetProperty("uploadUrl").GetString()!));
    }

    private static string BlobName(Uri url) =>
        Uri.UnescapeDataString(url.AbsolutePath[(url.AbsolutePath.IndexOf("/uploads/", StringComparison.Ordinal) + "/uploads/".Length)..]);

    private static string Announcement(Uri url) => BlobCreatedEventMessage.For(BlobName(url), new Uri(url.GetLeftPart(UriPartial.Path)), DateTimeOffset.UtcNow);

    private static Task ArriveAsync(PipelineHarness harness, Uri url) => harness.Function<ReceiveUploadEvent>().Run(Announcement(url), CancellationToken.None);

    private static BlobClient BlobOf(PipelineHarness harness, Uri url) =>
        harness.Blobs.GetBlobContainerClient(StorageNames.UploadsContainer).GetBlobClient(BlobName(url));

    private static Task<ApiResponse> GetUploadAsync(PipelineHarness harness, string key, string uploadId) =>
        harness.InvokeAsync(harness.Request("GET", $"/api/uploads/{uploadId}", key: key), r => harness.Function<GetUpload>().Run(r, uploadId, CancellationToken.None));
}
