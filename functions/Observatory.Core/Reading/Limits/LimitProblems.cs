using System.Globalization;
using Observatory.Core.Problems;

namespace Observatory.Core.Reading;

/// <summary>
/// The errors of a file past one of the <see cref="ReturnLimits"/>, each with its message key in
/// ReferenceData/Data/messages.limits.json. All are of type <see cref="ProblemTypes.LimitExceeded"/>.
/// </summary>
internal static class LimitProblems
{
    /// <summary>Column letters quoted in a message are cut to this many: a reference of a million letters is not repeated.</summary>
    private const int MaxQuotedLetters = 10;

    public static Problem Unspecified() => Whole("limits.unspecified");

    /// <summary>A part of an xlsx package that decompresses to more than the limit.</summary>
    public static Problem PartTooLarge(string part, long limit) =>
        Whole("limits.xlsx.part-size", Clip(part, 100), Megabytes(limit));

    /// <summary>A package that decompresses to more than its allowance.</summary>
    public static Problem PackageTooLarge(long allowed) => Whole("limits.xlsx.package-size", Megabytes(allowed));

    public static Problem TooManyParts(int limit) => Whole("limits.xlsx.parts", Number(limit));

    public static Problem TooManySharedStrings(int limit) => Whole("limits.xlsx.shared-strings", Number(limit));

    public static Problem SharedStringsTooLong(long limit) => Whole("limits.xlsx.shared-string-chars", Number(limit));

    public static Problem SharedStringTooLong(int index, int limit) => Whole("limits.xlsx.shared-string", Number(index + 1), Number(limit));

    public static Problem RowBeyondLimit(string sheet, long row, int limit) => new(
        ProblemTypes.LimitExceeded, Severity.Error, sheet, row <= int.MaxValue ? (int)row : null, null, null, Number(row),
        "limits.rows", [Number(row), Number(limit)]);

    public static Problem ColumnBeyondLimit(string sheet, int row, string letters, int limit) => new(
        ProblemTypes.LimitExceeded, Severity.Error, sheet, row, null, null, Clip(letters, MaxQuotedLetters),
        "limits.columns", [Clip(letters, MaxQuotedLetters), ColumnLetters.FromIndex(limit - 1), Number(limit)]);

    public static Problem CellTooLong(string sheet, int? row, string column, int limit) => new(
        ProblemTypes.LimitExceeded, Severity.Error, sheet, row, Clip(column, 100), null, null,
        "limits.cell-chars", [Number(limit)]);

    public static Problem InvalidText(string sheet, int? row, string? column) => new(
        ProblemTypes.EncodingError, Severity.Error, sheet, row, column is null ? null : Clip(column, 100), null, null,
        "limits.invalid-text", []);

    public static Problem JsonTooManyProperties(string sheet, int? row, string path, int limit) => new(
        ProblemTypes.LimitExceeded, Severity.Error, sheet, row, Clip(path, 100), null, null,
        "limits.json.properties", [Number(limit)]);

    public static Problem JsonNameTooLong(string sheet, int? row, string path, int limit) => new(
        ProblemTypes.LimitExceeded, Severity.Error, sheet, row, Clip(path, 100), null, null,
        "limits.json.name", [Number(limit)]);

    private static Problem Whole(string key, params string[] arguments) => new(
        ProblemTypes.LimitExceeded, Severity.Error, null, null, null, null, null, key, arguments);

    public static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, and "…" when it was longer.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
