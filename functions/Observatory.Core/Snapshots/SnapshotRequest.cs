using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots;

/// <summary>What to compile: the reporting year, the version being written, and the reference data to publish it with.</summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Version">
/// The version stamp, a UTC timestamp such as 20260301T060000Z. It appears in the metadata files only (datapackage.json,
/// the READMEs, structure.xml, datacite.json), never in the data files, so that the same data gives the same data files
/// under any version.
/// </param>
/// <param name="CreatedAt">When the snapshot is compiled; the created time of the data package.</param>
/// <param name="Catalog">The indicator catalog: indicator order, units, dimensions, code lists and labels.</param>
/// <param name="States">The member states: names and codes for the rows, and the list of states for coverage.</param>
public sealed record SnapshotRequest(int Year, string Version, DateTimeOffset CreatedAt, IndicatorCatalog Catalog, MemberStateRegistry States)
{
    /// <summary>
    /// Protected counts from 1 to one less than this are suppressed, and every such count must keep at least this
    /// minus one feasible values (default 5, as <see cref="ObservatoryOptions.SuppressionThreshold"/>; at least
    /// <see cref="MinimumSuppressionThreshold"/>).
    /// </summary>
    public int SuppressionThreshold { get; init; } = 5;

    /// <summary>The lowest threshold accepted: below 3 a withheld count would be known to be 1.</summary>
    public const int MinimumSuppressionThreshold = 3;

    /// <summary>What the earlier published versions of the year showed; the disclosure audit covers them all.</summary>
    public Disclosure.PublishedHistory History { get; init; } = Disclosure.PublishedHistory.None;

    /// <summary>
    /// The ISO3 codes of the states expected to report for the year (the staff setting); null means every state that
    /// was a member during some of the year. Used for coverage.csv only: a state with accepted data is published either way.
    /// </summary>
    public IReadOnlyCollection<string>? ParticipatingStates { get; init; }

    /// <summary>The data package's title.</summary>
    public string Title { get; init; } = "Trafficking and sexual exploitation of children: annual indicators of the member states";

    /// <summary>Who publishes the data, as it should be cited (default as <see cref="ObservatoryOptions.PublisherName"/>).</summary>
    public string Publisher { get; init; } = ObservatoryOptions.DefaultPublisherName;

    /// <summary>The publisher's postal address, for the citation metadata (default as <see cref="ObservatoryOptions.PublisherAddress"/>).</summary>
    public string PublisherAddress { get; init; } = ObservatoryOptions.DefaultPublisherAddress;

    /// <summary>Where the open data is published (for the citation and the data package's homepage), if known.</summary>
    public Uri? Homepage { get; init; }

    /// <summary>
    /// What the previous published version of the year showed, for changes.csv; null for the first version of a year
    /// (then no changes.csv is written).
    /// </summary>
    public Revisions.PreviousRelease? Previous { get; init; }

    /// <summary>True when <paramref name="state"/> was expected to report for <see cref="Year"/>.</summary>
    public bool IsParticipating(MemberState state) =>
        ParticipatingStates is null ? state.ParticipatedIn(Year) : ParticipatingStates.Contains(state.Iso3, StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws when the request cannot give a valid snapshot.</summary>
    internal void Validate()
    {
        if (Year is < 1900 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(Year), Year, "The reporting year must have four digits.");
        if (string.IsNullOrWhiteSpace(Version) || !Version.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException("The version must be a non-empty stamp of letters, digits, '-', '_' or '.' (such as 20260301T060000Z).", nameof(Version));
        if (SuppressionThreshold < MinimumSuppressionThreshold)
            throw new ArgumentOutOfRangeException(nameof(SuppressionThreshold), SuppressionThreshold,
                $"The suppression threshold must be at least {MinimumSuppressionThreshold}: below that a withheld count would be known to be 1.");
        ArgumentNullException.ThrowIfNull(History);
        ArgumentNullException.ThrowIfNull(Catalog);
        ArgumentNullException.ThrowIfNull(States);
    }
}
