using Observatory.Core.Ports;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;

namespace Observatory.Core.Tests.Series;

/// <summary>Which annual version each year of the series comes from.</summary>
public class SeriesSourcesTests
{
    [Fact]
    public void Each_year_comes_from_the_first_version_that_published_its_latest_rows()
    {
        var published = new[]
        {
            Snapshot(2025, "20260301T060000Z", "a"),
            Snapshot(2025, "20260401T060000Z", "b"),
            Snapshot(2025, "20260402T060000Z", "b"),
            Snapshot(2025, "20260403T060000Z", "b", latest: true),
            Snapshot(2024, "20250301T060000Z", "c", latest: true),
        };

        var sources = SeriesPublisher.SourcesOf(published);

        Assert.Equal([(2024, "20250301T060000Z", new string('c', 64)), (2025, "20260401T060000Z", new string('b', 64))], sources.Select(s => (s.Year, s.Version, s.ObservationsSha256)));
    }

    [Fact]
    public void A_year_whose_latest_rows_went_back_to_an_older_form_comes_from_its_latest_version()
    {
        var published = new[]
        {
            Snapshot(2025, "20260301T060000Z", "a"),
            Snapshot(2025, "20260401T060000Z", "b"),
            Snapshot(2025, "20260501T060000Z", "a", latest: true),
        };

        Assert.Equal("20260501T060000Z", Assert.Single(SeriesPublisher.SourcesOf(published)).Version);
    }

    [Fact]
    public void No_published_year_gives_no_source() => Assert.Empty(SeriesPublisher.SourcesOf([]));

    private static PublishedSnapshot Snapshot(int year, string version, string observations, bool latest = false) =>
        new(new SnapshotManifest(year, version, SnapshotVersion.Parse(version),
            [new SnapshotFile(SnapshotFileNames.ObservationsJson, 10, new string(observations[0], 64), SnapshotContentTypes.Json)],
            new SnapshotStatistics(1, 10, 0)), latest);
}
