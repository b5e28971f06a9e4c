using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Series;

/// <summary>What to compile into a version of the time series: the years and their annual versions, and the reference data.</summary>
/// <param name="Version">The series' version stamp (a UTC time such as 20260301T060000Z); in the metadata files only.</param>
/// <param name="CreatedAt">When the series is compiled.</param>
/// <param name="Sources">Each published year and the annual version its rows come from, oldest year first, each year once.</param>
/// <param name="Catalog">The indicator catalog: every indicator the sources publish must be in it.</param>
/// <param name="States">The member states: every state the sources publish must be in it.</param>
public sealed record SeriesRequest(string Version, DateTimeOffset CreatedAt, IReadOnlyList<SeriesSource> Sources, IndicatorCatalog Catalog, MemberStateRegistry States)
{
    /// <summary>The threshold the annual versions were published with, for the README's account of disclosure control.</summary>
    public int SuppressionThreshold { get; init; } = 5;

    /// <summary>Who publishes the data (as <see cref="SnapshotRequest.Publisher"/>).</summary>
    public string Publisher { get; init; } = ObservatoryOptions.DefaultPublisherName;

    /// <summary>The publisher's postal address.</summary>
    public string PublisherAddress { get; init; } = ObservatoryOptions.DefaultPublisherAddress;

    /// <summary>The series' title.</summary>
    public string Title { get; init; } = "Trafficking and sexual exploitation of children: indicators of the member states across years";

    /// <summary>The first and last year of the series, as "2023–2025" (or one year).</summary>
    public string Span => Sources.Count == 0 ? string.Empty
        : Sources[0].Year == Sources[^1].Year ? PublishedFormat.Year(Sources[0].Year)
        : $"{PublishedFormat.Year(Sources[0].Year)}–{PublishedFormat.Year(Sources[^1].Year)}";

    /// <summary>Throws when the request cannot give a valid series.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sources);
        ArgumentNullException.ThrowIfNull(Catalog);
        ArgumentNullException.ThrowIfNull(States);
        if (Sources.Count == 0)
            throw new ArgumentException("A series needs at least one published year.", nameof(Sources));
        for (var i = 1; i < Sources.Count; i++)
            if (Sources[i].Year <= Sources[i - 1].Year)
                throw new ArgumentException("The years of a series must be given once each, oldest first.", nameof(Sources));
        if (!SnapshotVersion.IsValid(Version))
            throw new ArgumentException("The version must be a stamp such as 20260301T060000Z.", nameof(Version));
    }

    /// <summary>The same publisher and reference data as an annual request, for the writers the series shares with the annual snapshot.</summary>
    internal SnapshotRequest AsSnapshotRequest() =>
        new(Sources[^1].Year, Version, CreatedAt, Catalog, States)
        {
            SuppressionThreshold = SuppressionThreshold,
            Publisher = Publisher,
            PublisherAddress = PublisherAddress,
            Title = Title,
        };
}
