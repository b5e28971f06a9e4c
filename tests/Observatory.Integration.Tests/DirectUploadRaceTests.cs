using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Uploads;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.LocalHost.Emulation;

namespace Observatory.Integration.Tests;

/// <summary>
/// Two PUTs to one direct-upload URL whose BlobCreated events are handled at the same time make exactly one
/// submission: the ticket is claimed atomically for one version of the blob (docs/security.md, "Direct upload tickets").
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DirectUploadRaceTests
{
    private const string Country = "BOL";
    private const int Year = 2017;

    [Fact]
    public async Task Two_puts_to_one_upload_url_whose_events_overlap_make_exactly_one_submission()
    {
        var faults = new StorageFaults();
        var harness = new PipelineHarness { Faults = faults };
        await harness.InitializeAsync();
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var (_, key) = await harness.IssueKeyAsync(Country);
        var ticket = await harness.InvokeAsync(harness.Request("POST", "/api/uploads", $"year={Year}&fileName=return.csv", key),
            r => harness.Function<RequestUploadUrl>().Run(r, CancellationToken.None));
        Assert.Equal(201, ticket.Status);
        var uploadId = ticket.Json.GetProperty("uploadId").GetString()!;
        var url = new Uri(ticket.Json.GetProperty("uploadUrl").GetString()!);
        var run = Guid.NewGuid().ToString("N");
        await new BlobClient(url).UploadAsync(new BinaryData(ReturnFiles.Csv([[$"Run {run} A"], ["Indicator", "Value"], ["POL_HOTLINE", "YES"]])));

        // The first event's handler has downloaded the first version of the blob and is held there, past the check
        // that the ticket is unused, when the second PUT lands and its event is handled in full.
        var downloaded = faults.HoldAfter(new StorageFault(StorageService.Blob, "GET", "/uploads/"));
        var first = Task.Run(() => ArriveAsync(harness, url));
        await downloaded.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        await new BlobClient(url).UploadAsync(new BinaryData(ReturnFiles.Csv([[$"Run {run} B"], ["Indicator", "Value"], ["POL_HOTLINE", "NO"]])), overwrite: true);
        var second = await Record.ExceptionAsync(() => ArriveAsync(harness, url));
        downloaded.Release();
        var firstError = await Record.ExceptionAsync(() => first);

        // The version that claimed the ticket first is taken in; the other event fails, and its redelivery (as the
        // queue would make) finds the ticket used.
        Assert.Null(second);
        Assert.IsType<UploadAlreadyClaimedException>(firstError);
        await ArriveAsync(harness, url);
        await harness.ProcessAllAsync();

        var used = await harness.Services.GetRequiredService<IDirectUploadStore>().FindTicketAsync(uploadId, CancellationToken.None);
        Assert.NotNull(used?.SubmissionId);
        var submissions = (await harness.Services.GetRequiredService<ISubmissionStore>().ListAsync(Country, Year, CancellationToken.None))
            .Where(s => s.ReceivedAt >= started).ToList();
        var only = Assert.Single(submissions);
        Assert.Equal(used!.SubmissionId, only.Id);
        Assert.Equal(SubmissionStatus.Accepted, only.Status);
        Assert.False(await harness.Blobs.GetBlobContainerClient(Observatory.Storage.StorageNames.UploadsContainer).GetBlobClient(used.BlobName).ExistsAsync());
    }

    private static Task ArriveAsync(PipelineHarness harness, Uri url)
    {
        var blobName = Uri.UnescapeDataString(url.AbsolutePath[(url.AbsolutePath.IndexOf("/uploads/", StringComparison.Ordinal) + "/uploads/".Length)..]);
        return harness.Function<ReceiveUploadEvent>().Run(BlobCreatedEventMessage.For(blobName, new Uri(url.GetLeftPart(UriPartial.Path)), DateTimeOffset.UtcNow), CancellationToken.None);
    }
}
