namespace Observatory.Core.Snapshots.Series;

/// <summary>One year of the time series: the published annual version its rows are read from.</summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Version">
/// The first version of the year that published the year's observations as the latest version shows them: the
/// latest version itself, or an earlier one whose observations.json is byte-identical (a recompile of unchanged data
/// changes no row, so the series names the version that first published them and stays the same).
/// </param>
/// <param name="ObservationsSha256">The SHA-256 of that version's observations.json, lower-case hex.</param>
/// <param name="States">States with data in that version.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Withheld">Its rows published without their value (flag suppressed).</param>
public sealed record SeriesSource(int Year, string Version, string ObservationsSha256, int States, long Rows, long Withheld);
