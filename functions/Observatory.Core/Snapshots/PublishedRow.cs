using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots;

/// <summary>One row of the published observations table, after derivation and disclosure control.</summary>
/// <param name="State">The reporting state.</param>
/// <param name="Year">The reporting year.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Dimensions">One code per dimension column of the table (catalog order); null where the indicator lacks the dimension.</param>
/// <param name="Number">The numeric value (a count or a rate); null when suppressed or when the indicator is coded.</param>
/// <param name="Decimals">How many decimals <paramref name="Number"/> is published with: 0 for counts, 2 for rates.</param>
/// <param name="Code">The coded value (RATIFIED, YES) of a coded indicator; null otherwise.</param>
/// <param name="Flag">suppressed, estimated, provisional, or null.</param>
/// <param name="Note">The focal point's note; null when none, and always null for a suppressed cell.</param>
/// <param name="SubmissionId">The submission the data comes from.</param>
/// <param name="AcceptedAt">When that submission became current, in UTC, to the second.</param>
/// <param name="Text">The year, value and time as the text files write them, formatted once for every format.</param>
internal sealed record PublishedRow(
    MemberState State,
    int Year,
    Indicator Indicator,
    string?[] Dimensions,
    decimal? Number,
    int Decimals,
    string? Code,
    string? Flag,
    string? Note,
    string SubmissionId,
    DateTime AcceptedAt,
    PublishedRowText Text)
{
    /// <summary>True when the value is withheld by disclosure control.</summary>
    public bool IsSuppressed => Flag == FlagCodes.Suppressed;

    /// <summary>
    /// In the time series, the version of the year's annual snapshot the row was read from; null in an annual snapshot,
    /// whose rows are the version itself.
    /// </summary>
    public string? Version { get; init; }
}

/// <summary>The text forms of a row's year, value and acceptance time.</summary>
/// <param name="Year">The year as four digits.</param>
/// <param name="Value">The value in its fixed form; null when there is no number.</param>
/// <param name="AcceptedAt">The time in ISO 8601 UTC.</param>
internal sealed record PublishedRowText(string Year, string? Value, string AcceptedAt);
