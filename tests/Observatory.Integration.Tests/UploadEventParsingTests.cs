using Observatory.Functions.Uploads;
using Observatory.LocalHost.Emulation;

namespace Observatory.Integration.Tests;

/// <summary>The upload-events queue's messages, read as Event Grid delivers them (no storage needed).</summary>
public sealed class UploadEventParsingTests
{
    // The shape of Azure's documented Microsoft.Storage.BlobCreated event in the Event Grid schema, for a blob of the
    // uploads container; Event Grid delivers it to a storage queue as an array of one.
    private const string DeliveredByEventGrid = """
        [{
          "topic": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/obs/providers/Microsoft.Storage/storageAccounts/stobsdata",
          "subject": "/blobServices/default/containers/uploads/blobs/MEX/2025/MEX-2025-abc/return.xlsx",
          "eventType": "Microsoft.Storage.BlobCreated",
          "eventTime": "2026-03-01T18:41:00.9584103Z",
          "id": "831e1650-001e-001b-66ab-eeb76e069631",
          "data": {
            "api": "PutBlockList",
            "clientRequestId": "6d79dbfb-0e37-4fc4-981f-442c9ca65760",
            "requestId": "831e1650-001e-001b-66ab-eeb76e000000",
            "eTag": "\"0x8D4BCC2E4835CD0\"",
            "contentType": "application/octet-stream",
            "contentLength": 524288,
            "blobType": "BlockBlob",
            "url": "https://stobsdata.blob.core.windows.net/uploads/MEX/2025/MEX-2025-abc/return.xlsx",
            "sequencer": "00000000000004420000000000028963",
            "storageDiagnostics": { "batchId": "b68529f3-68cd-4744-baa4-3c0498ec19f0" }
          },
          "dataVersion": "",
          "metadataVersion": "1"
        }]
        """;

    [Fact]
    public void The_blob_of_an_event_delivered_by_Event_Grid_is_named()
    {
        Assert.Equal("MEX/2025/MEX-2025-abc/return.xlsx", BlobCreatedEvent.BlobName(DeliveredByEventGrid));
    }

    [Fact]
    public void The_local_hosts_stand_in_for_Event_Grid_writes_what_the_function_reads()
    {
        var message = BlobCreatedEventMessage.For("ARG/2024/ARG-2024-xyz/return.csv",
            new Uri("http://127.0.0.1:10000/devstoreaccount1/uploads/ARG/2024/ARG-2024-xyz/return.csv"), DateTimeOffset.UnixEpoch);

        Assert.Equal("ARG/2024/ARG-2024-xyz/return.csv", BlobCreatedEvent.BlobName(message));
    }

    [Theory]
    [InlineData("Microsoft.Storage.BlobDeleted", "/blobServices/default/containers/uploads/blobs/MEX/2025/x/return.xlsx")]
    [InlineData("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/raw/blobs/MEX/2025/x/return.xlsx")]
    [InlineData("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/uploadsx/blobs/MEX/2025/x/return.xlsx")]
    public void Other_events_and_other_containers_announce_no_upload(string eventType, string subject)
    {
        var message = DeliveredByEventGrid
            .Replace("Microsoft.Storage.BlobCreated", eventType, StringComparison.Ordinal)
            .Replace("/blobServices/default/containers/uploads/blobs/MEX/2025/MEX-2025-abc/return.xlsx", subject, StringComparison.Ordinal);

        Assert.Null(BlobCreatedEvent.BlobName(message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"subject\":\"/blobServices/default/containers/uploads/blobs/a\"}")]
    [InlineData("[{\"id\":1}]")]
    public void A_message_that_is_no_Event_Grid_event_announces_no_upload(string message)
    {
        Assert.Null(BlobCreatedEvent.BlobName(message));
    }
}
