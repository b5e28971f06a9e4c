using Azure;
using Azure.Storage.Blobs;
using Observatory.Functions.Uploads;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;
using Observatory.LocalHost.Emulation;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>Large files: a write-only URL to one blob of the state's own space, then the same intake through the upload-events queue.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DirectUploadTests(PipelineHarness pipeline)
{
    [Fact]
    public async Task A_file_uploaded_to_its_url_becomes_a_submission_processed_like_any_other()
    {
        var (_, key) = await pipeline.IssueKeyAsync("MEX");
        var ticket = await RequestUrlAsync(key, "year=2019&fileName=informe anual.xlsx");
        Assert.Equal(201, ticket.Status);
        var uploadId = ticket.Json.GetProperty("uploadId").GetString()!;
        var url = new Uri(ticket.Json.GetProperty("uploadUrl").GetString()!);
        Assert.Contains("/uploads/MEX/2019/", url.AbsolutePath);

        // The focal point's tool puts the file straight into Blob Storage with the URL alone.
        var file = await File.ReadAllBytesAsync(RepositoryFiles.PathOf("samples/mexico-2025-es.xlsx"));
        await new BlobClient(url).UploadAsync(new BinaryData(file));

        // The URL writes; it does not read.
        var read = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(url).DownloadContentAsync());
        Assert.Equal(403, read.Status);

        // Event Grid announces the blob on the upload-events queue; the queue function takes it in.
        var blobName = Uri.UnescapeDataString(url.AbsolutePath[(url.AbsolutePath.IndexOf("/uploads/", StringComparison.Ordinal) + "/uploads/".Length)..]);
        var announcement = BlobCreatedEventMessage.For(blobName, new Uri(url.GetLeftPart(UriPartial.Path)), DateTimeOffset.UtcNow);
        await pipeline.Function<ReceiveUploadEvent>().Run(announcement, CancellationToken.None);
        await pipeline.Function<ReceiveUploadEvent>().Run(announcement, CancellationToken.None);   // delivered twice
        await pipeline.ProcessAllAsync();

        var status = await pipeline.InvokeAsync(pipeline.Request("GET", $"/api/uploads/{uploadId}", key: key),
            r => pipeline.Function<GetUpload>().Run(r, uploadId, CancellationToken.None));
        Assert.True(status.Json.GetProperty("received").GetBoolean());
        var submissionId = status.Json.GetProperty("submissionId").GetString()!;
        Assert.StartsWith("MEX-2019-", submissionId, StringComparison.Ordinal);
        var submission = await pipeline.GetSubmissionAsync(key, submissionId);
        Assert.Equal("accepted", submission.Json.GetProperty("status").GetString());
        Assert.Equal("informe anual.xlsx", submission.Json.GetProperty("fileName").GetString());
        var list = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=MEX&year=2019", key),
            r => pipeline.Function<Observatory.Functions.Submissions.ListSubmissions>().Run(r, CancellationToken.None));
        Assert.Single(list.Json.GetProperty("submissions").EnumerateArray());
    }

    [Fact]
    public async Task A_url_for_one_state_cannot_write_into_another_states_space()
    {
        var (_, mexico) = await pipeline.IssueKeyAsync("MEX");
        var (_, argentina) = await pipeline.IssueKeyAsync("ARG");
        var ticket = await RequestUrlAsync(mexico, "year=2019&fileName=return.csv");
        var url = ticket.Json.GetProperty("uploadUrl").GetString()!;
        var file = ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]);

        // The same signature on Argentina's path is refused by Blob Storage itself.
        var elsewhere = new Uri(url.Replace("/uploads/MEX/2019/", "/uploads/ARG/2019/", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(elsewhere).UploadAsync(new BinaryData(file)));
        Assert.Equal(403, refused.Status);

        // Mexico's key cannot ask for a URL in Argentina's space, nor Argentina's key read Mexico's upload (which, to
        // Argentina, does not exist).
        Assert.Equal(403, (await RequestUrlAsync(mexico, "country=ARG&year=2019&fileName=return.csv")).Status);
        var uploadId = ticket.Json.GetProperty("uploadId").GetString()!;
        var peek = await pipeline.InvokeAsync(pipeline.Request("GET", $"/api/uploads/{uploadId}", key: argentina),
            r => pipeline.Function<GetUpload>().Run(r, uploadId, CancellationToken.None));
        Assert.Equal(404, peek.Status);

        // A blob in the uploads container that no URL was issued for is never taken in.
        var container = pipeline.Blobs.GetBlobContainerClient(StorageNames.UploadsContainer);
        await container.GetBlobClient("ARG/2019/ARG-2019-0000000000000000/return.csv").UploadAsync(new BinaryData(file));
        await pipeline.Function<ReceiveUploadEvent>().Run(
            BlobCreatedEventMessage.For("ARG/2019/ARG-2019-0000000000000000/return.csv", container.Uri, DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.Equal(0, (await pipeline.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private Task<ApiResponse> RequestUrlAsync(string key, string query) =>
        pipeline.InvokeAsync(pipeline.Request("POST", "/api/uploads", query, key), r => pipeline.Function<RequestUploadUrl>().Run(r, CancellationToken.None));
}
