using System.Text;
using Observatory.Core.Security;
using Observatory.Core.Snapshots;
using Observatory.Core.Submissions;
using Observatory.Core.Tests.InMemory;

namespace Observatory.Core.Tests.UseCases;

/// <summary>Publishing over in-memory ports: which versions are listed, which is latest, and what their files hold.</summary>
public class SnapshotPublisherTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly MemoryPipeline _pipeline = new(Now);

    private async Task AcceptAsync(string country, string hotline)
    {
        var result = await _pipeline.Intake.ReceiveAsync(new IntakeRequest(Caller.Admin(), country, "2025", null, "return.csv", "text/csv",
            Encoding.UTF8.GetBytes($"Indicator,Value\r\nPOL_HOTLINE,{hotline}\r\n")), CancellationToken.None);
        await _pipeline.Processor.ProcessAsync(result.Submission!.Id, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Accepted, (await _pipeline.Submissions.FindAsync(result.Submission.Id, CancellationToken.None))!.Status);
    }

    private string ObservationsCsv(SnapshotManifest manifest) =>
        Encoding.UTF8.GetString(_pipeline.Snapshots.Files.Read($"{manifest.Year}/{manifest.Version}/{SnapshotFileNames.ObservationsCsv}")!);

    [Fact]
    public async Task A_compile_lists_a_version_of_the_accepted_data_as_the_latest()
    {
        await AcceptAsync("MEX", "YES");

        var manifest = await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None);

        Assert.NotNull(manifest);
        Assert.Equal(SnapshotVersion.Of(Now.UtcDateTime), manifest.Version);
        var latest = await _pipeline.Snapshots.FindAsync(2025, SnapshotVersion.Latest, CancellationToken.None);
        Assert.Equal(manifest.Version, latest!.Manifest.Version);
        var csv = ObservationsCsv(manifest);
        Assert.Contains("MEX", csv);
        Assert.Contains("POL_HOTLINE", csv);
        // Every file the manifest lists was written whole.
        Assert.All(manifest.Files, f => Assert.Equal(f.Size, _pipeline.Snapshots.Files.Read($"2025/{manifest.Version}/{f.Name}")!.Length));
    }

    [Fact]
    public async Task A_second_compile_with_no_change_is_a_new_version_with_the_same_data_files()
    {
        await AcceptAsync("MEX", "YES");
        var first = (await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None))!;
        _pipeline.Clock.Advance(TimeSpan.FromHours(1));

        var second = (await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None))!;

        Assert.True(string.CompareOrdinal(second.Version, first.Version) > 0);
        Assert.Equal(second.Version, (await _pipeline.Snapshots.FindAsync(2025, SnapshotVersion.Latest, CancellationToken.None))!.Manifest.Version);
        Assert.Equal(2, (await _pipeline.Snapshots.ListAsync(CancellationToken.None)).Count);
        Assert.Equal(ObservationsCsv(first), ObservationsCsv(second));
        // The first version is never changed: it is still listed with the files it had.
        Assert.Equal(first, (await _pipeline.Snapshots.FindAsync(2025, first.Version, CancellationToken.None))!.Manifest);
    }

    [Fact]
    public async Task Two_compiles_in_the_same_second_get_two_versions()
    {
        await AcceptAsync("MEX", "YES");
        var first = (await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None))!;
        var second = (await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None))!;

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(SnapshotVersion.Parse(first.Version).AddSeconds(1), SnapshotVersion.Parse(second.Version));
    }

    [Fact]
    public async Task A_correction_after_publication_shows_in_the_next_version_only()
    {
        await AcceptAsync("MEX", "YES");
        var first = (await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None))!;
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        await AcceptAsync("ARG", "NO");

        var second = (await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None))!;

        Assert.DoesNotContain("ARG", ObservationsCsv(first));
        Assert.Contains("ARG", ObservationsCsv(second));
    }

    [Fact]
    public async Task A_compile_of_a_year_that_holds_the_lease_is_dropped()
    {
        await using var held = await _pipeline.Leases.TryAcquireAsync("snapshot-2025", TimeSpan.FromMinutes(30), CancellationToken.None);

        Assert.Null(await _pipeline.Publisher.PublishAsync(2025, CancellationToken.None));
        Assert.Empty(await _pipeline.Snapshots.ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2027)]
    public async Task A_year_outside_the_reporting_years_is_refused_and_nothing_is_listed(int year)
    {
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _pipeline.Publisher.PublishAsync(year, CancellationToken.None));

        Assert.Contains("is not a reporting year", refused.Message);
        Assert.Empty(await _pipeline.Snapshots.ListAsync(CancellationToken.None));
    }

    [Fact]
    public void The_scheduled_compile_is_for_the_last_full_year()
    {
        Assert.Equal(2025, _pipeline.Publisher.ScheduledYear);
        _pipeline.Clock.Now = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(2026, _pipeline.Publisher.ScheduledYear);
    }
}
