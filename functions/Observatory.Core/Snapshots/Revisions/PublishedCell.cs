namespace Observatory.Core.Snapshots.Revisions;

/// <summary>
/// What one published cell showed: its value (a number's text or a code) and flag. Only what the observations file
/// published, so a withheld cell has no value here.
/// </summary>
/// <param name="Value">The number as published (observations.csv's value); null when blank.</param>
/// <param name="Code">The code of a coded indicator (value_code); null when blank.</param>
/// <param name="Flag">suppressed, estimated, provisional, or null.</param>
internal sealed record PublishedCell(string? Value, string? Code, string? Flag);
