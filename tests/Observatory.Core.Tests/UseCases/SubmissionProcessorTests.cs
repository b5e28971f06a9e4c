using System.Text;
using Observatory.Core.Security;
using Observatory.Core.Submissions;
using Observatory.Core.Tests.InMemory;

namespace Observatory.Core.Tests.UseCases;

/// <summary>
/// Processing over in-memory ports, driven by the queue's messages in the order a test chooses: the current data and
/// the records are what the received order says, whatever order the messages come in and however often.
/// </summary>
public class SubmissionProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly MemoryPipeline _pipeline = new(Now);

    private async Task<string> ReceiveAsync(string mode, params (string Indicator, string Value)[] rows)
    {
        var csv = new StringBuilder($"Note,{Guid.NewGuid():N}\r\nIndicator,Value\r\n");
        foreach (var (indicator, value) in rows) csv.Append(indicator).Append(',').Append(value).Append("\r\n");
        var result = await _pipeline.Intake.ReceiveAsync(new IntakeRequest(Caller.FocalPoint("MEX", "key:mex"), null, "2025", null, "return.csv", "text/csv",
            Encoding.UTF8.GetBytes(csv.ToString()), mode), CancellationToken.None);
        Assert.True(result.Created, result.Detail);
        // Each upload is received a minute after the one before: the received order is the order of the calls.
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        return result.Submission!.Id;
    }

    private Task ProcessAsync(string id) => _pipeline.Processor.ProcessAsync(id, CancellationToken.None);

    private async Task<Submission> RecordAsync(string id) => (await _pipeline.Submissions.FindAsync(id, CancellationToken.None))!;

    private async Task<(string? Version, Dictionary<string, string> Cells)> CurrentAsync()
    {
        var set = await _pipeline.Observations.ReadCurrentAsync("MEX", 2025, null, CancellationToken.None);
        return (set?.SubmissionId, set?.Observations.ToDictionary(o => o.Indicator, o => o.Value.ToString()) ?? []);
    }

    [Fact]
    public async Task A_replacement_whose_message_comes_late_does_not_undo_the_later_one()
    {
        var earlier = await ReceiveAsync("replace", ("POL_HOTLINE", "YES"));
        var later = await ReceiveAsync("replace", ("POL_HOTLINE", "NO"));

        await ProcessAsync(later);
        await ProcessAsync(earlier);

        Assert.Equal(SubmissionStatus.Accepted, (await RecordAsync(earlier)).Status);
        Assert.Equal(SubmissionStatus.Accepted, (await RecordAsync(later)).Status);
        var (version, cells) = await CurrentAsync();
        Assert.Equal(later, version);
        Assert.Equal("NO", cells["POL_HOTLINE"]);
    }

    [Fact]
    public async Task An_amendment_changes_only_its_cells()
    {
        var whole = await ReceiveAsync("replace", ("POL_HOTLINE", "YES"), ("LEG_PALERMO", "RATIFIED"));
        await ProcessAsync(whole);
        var amendment = await ReceiveAsync("amend", ("POL_HOTLINE", "NO"));
        await ProcessAsync(amendment);

        var (version, cells) = await CurrentAsync();
        Assert.Equal(amendment, version);
        Assert.Equal(new Dictionary<string, string> { ["POL_HOTLINE"] = "NO", ["LEG_PALERMO"] = "RATIFIED" }, cells);
        Assert.Equal(whole, (await RecordAsync(amendment)).Replaces);
    }

    [Fact]
    public async Task An_amendment_processed_before_the_return_it_amends_still_applies_on_top_of_it()
    {
        var whole = await ReceiveAsync("replace", ("POL_HOTLINE", "YES"), ("LEG_PALERMO", "RATIFIED"));
        var amendment = await ReceiveAsync("amend", ("POL_HOTLINE", "NO"));

        await ProcessAsync(amendment);
        await ProcessAsync(whole);

        var (_, cells) = await CurrentAsync();
        Assert.Equal(new Dictionary<string, string> { ["POL_HOTLINE"] = "NO", ["LEG_PALERMO"] = "RATIFIED" }, cells);
    }

    [Fact]
    public async Task A_message_delivered_again_after_processing_changes_nothing()
    {
        var id = await ReceiveAsync("replace", ("POL_HOTLINE", "YES"));
        await ProcessAsync(id);
        var first = await RecordAsync(id);
        var current = await CurrentAsync();
        var versions = _pipeline.Observations.VersionCount;

        _pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await ProcessAsync(id);

        Assert.Equal(first, await RecordAsync(id));
        Assert.Equal(1, first.Attempts);
        Assert.Equal(current.Version, (await CurrentAsync()).Version);
        Assert.Equal(versions, _pipeline.Observations.VersionCount);
        // One verdict, announced once.
        Assert.Single(_pipeline.Notifications.Queued, n => n.SubmissionId == id);
    }

    [Fact]
    public async Task A_rejected_return_leaves_the_current_data_as_it_was()
    {
        var good = await ReceiveAsync("replace", ("POL_HOTLINE", "YES"));
        await ProcessAsync(good);
        var bad = await ReceiveAsync("replace", ("POL_HOTLINE", "PERHAPS"));
        await ProcessAsync(bad);

        Assert.Equal(SubmissionStatus.Rejected, (await RecordAsync(bad)).Status);
        Assert.NotEmpty((await _pipeline.Reports.FindAsync(bad, CancellationToken.None))!.Errors);
        Assert.Equal(good, (await CurrentAsync()).Version);
    }
}
