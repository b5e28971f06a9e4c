using System.Globalization;

namespace Observatory.Core.Reporting;

/// <summary>The reporting years that can be named anywhere (an upload, a template, a snapshot, a query): <see cref="First"/> to <see cref="Last"/>, both included.</summary>
/// <param name="First">The earliest reporting year.</param>
/// <param name="Last">The latest reporting year: the current calendar year in UTC.</param>
public readonly record struct ReportingYears(int First, int Last)
{
    /// <summary>True when <paramref name="year"/> is one of the years.</summary>
    public bool Contains(int year) => year >= First && year <= Last;

    /// <summary>The last full calendar year, whose returns are sent now (domain.md, "Reporting cycle"): an example in messages.</summary>
    public int Example => Math.Max(First, Last - 1);

    /// <summary>
    /// The refusal of a year that is not one of these, the same words wherever a year is given (a query, a route, a
    /// body, a file): <paramref name="given"/> is the year as the caller wrote it.
    /// </summary>
    public string Refusal(string given) =>
        string.Create(CultureInfo.InvariantCulture, $"'{given}' is not a reporting year: give a year from {First} to {Last}, such as {Example}.");

    /// <summary>The refusal of a year that is required and was left out, the same words on every route.</summary>
    public string Missing => string.Create(CultureInfo.InvariantCulture, $"Give the reporting year: year={Example}.");
}
