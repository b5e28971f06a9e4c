using Observatory.Core.ReferenceData;

namespace Observatory.Core.Problems;

/// <summary>Whether a problem rejects the submission.</summary>
public enum Severity
{
    /// <summary>Rejects the submission.</summary>
    Error,
    /// <summary>Reported; the submission is accepted.</summary>
    Warning,
}

/// <summary>
/// One problem found in a return, located as the focal point sees the file. The message is kept as a
/// key of the message catalog of the validation with its arguments, so it can be rendered in any language.
/// </summary>
/// <param name="Type">The error type (see <see cref="ProblemTypes"/>).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Sheet">The sheet (xlsx), file (csv) or "observations" (JSON); null for the file as a whole.</param>
/// <param name="Row">The row number as the spreadsheet shows it; null for the file or a column as a whole.</param>
/// <param name="Column">The column letter (or JSON property); null for a whole row.</param>
/// <param name="Field">The field it concerns (a <see cref="ReferenceData.ReturnColumn"/> constant or dimension id).</param>
/// <param name="Value">The value found, as written.</param>
/// <param name="MessageKey">The key of the message in the message catalog of the validation.</param>
/// <param name="Arguments">The message's arguments, already formatted as text.</param>
public sealed record Problem(
    string Type,
    Severity Severity,
    string? Sheet,
    int? Row,
    string? Column,
    string? Field,
    string? Value,
    string MessageKey,
    IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Arguments whose wording depends on the message language (a dimension's name, the labels a
    /// code list accepts), numbered after <see cref="Arguments"/>: with two arguments, the first of
    /// these is {2}. Empty for most problems.
    /// </summary>
    public IReadOnlyList<LocalizedText> LocalizedArguments { get; init; } = [];
}

/// <summary>
/// The error types: the Frictionless taxonomy where one fits, plus the observatory's own.
/// </summary>
public static class ProblemTypes
{
    /// <summary>A required column is missing.</summary>
    public const string MissingLabel = "missing-label";
    /// <summary>A header cell is blank above data.</summary>
    public const string BlankLabel = "blank-label";
    /// <summary>Two columns are headed the same.</summary>
    public const string DuplicateLabel = "duplicate-label";
    /// <summary>A column the catalog does not know.</summary>
    public const string ExtraLabel = "extra-label";
    /// <summary>A value that is not of the expected type (not a number, not whole, ambiguous).</summary>
    public const string TypeError = "type-error";
    /// <summary>A value outside its constraints (negative, not in a list, a dimension the indicator lacks).</summary>
    public const string ConstraintError = "constraint-error";
    /// <summary>A required cell is blank.</summary>
    public const string MissingCell = "missing-cell";
    /// <summary>The same indicator and dimensions twice.</summary>
    public const string DuplicateRow = "duplicate-row";
    /// <summary>A rule across rows (parts over the total, country or year differing).</summary>
    public const string RowConstraint = "row-constraint";
    /// <summary>An indicator code or label the catalog does not know.</summary>
    public const string UnknownIndicator = "unknown-indicator";
    /// <summary>A dimension value that is not in the dimension's code list.</summary>
    public const string UnknownCode = "unknown-code";
    /// <summary>A value far from last year's.</summary>
    public const string Outlier = "outlier";
    /// <summary>The file could not be read at all (corrupt, wrong format, empty).</summary>
    public const string FormatError = "format-error";
    /// <summary>The file goes past one of the limits every return is read within (size, rows, columns, text length).</summary>
    public const string LimitExceeded = "limit-exceeded";
    /// <summary>Text that is not valid in the file's encoding.</summary>
    public const string EncodingError = "encoding-error";
    /// <summary>A row without a figure ("n/d", "..") that is skipped.</summary>
    public const string NotAvailable = "not-available";
}
