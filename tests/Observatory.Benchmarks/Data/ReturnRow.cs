namespace Observatory.Benchmarks.Data;

/// <summary>One data row of a generated return, as a focal point would type it.</summary>
/// <param name="Country">The state, as its ISO3 code.</param>
/// <param name="Year">The reporting year.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Sex">The sex as its English label; null (a blank cell) for the total.</param>
/// <param name="Age">The age group as its code; null (a blank cell) for the total.</param>
/// <param name="Region">The region code.</param>
/// <param name="District">The district code.</param>
/// <param name="Value">The count.</param>
/// <param name="Note">A note on some rows.</param>
public readonly record struct ReturnRow(
    string Country, int Year, string Indicator, string? Sex, string? Age, string Region, string District, long Value, string? Note);
