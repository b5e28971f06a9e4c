namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// For staff only, never published: what disclosure control withheld in one snapshot version and the audit showing
/// the requirement holds. It names true values of small counts.
/// </summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Version">The snapshot version.</param>
/// <param name="Threshold">The threshold applied.</param>
/// <param name="EarlierVersions">The earlier versions of the year the audit took into account, oldest first.</param>
/// <param name="Tables">One entry per state and protected indicator with anything withheld, in publication order.</param>
/// <param name="Submissions">The submission each published state's data came from, by ISO3 code (null in reports written before it was kept).</param>
public sealed record DisclosureReport(int Year, string Version, int Threshold, IReadOnlyList<string> EarlierVersions, IReadOnlyList<DisclosureTableReport> Tables,
    IReadOnlyDictionary<string, string>? Submissions = null);

/// <summary>What was withheld in one state's indicator, and the audit of each of its small counts.</summary>
/// <param name="Country">ISO3 code.</param>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Withheld">Each withheld cell with its reason, in row order.</param>
/// <param name="Audits">The audit of every withheld small count, this version's and the earlier versions'.</param>
public sealed record DisclosureTableReport(string Country, string Indicator, IReadOnlyList<WithheldCell> Withheld, IReadOnlyList<CountAudit> Audits);

/// <summary>A withheld cell.</summary>
/// <param name="Cell">Its key.</param>
/// <param name="Reason">Why it is withheld.</param>
public sealed record WithheldCell(string Cell, WithholdingReason Reason);
