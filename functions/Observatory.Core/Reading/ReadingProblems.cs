using System.Globalization;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading;

/// <summary>
/// The problems the readers report, each with its message key in ReferenceData/Data/messages.reading.json.
/// </summary>
internal static class ReadingProblems
{
    /// <summary>How many non-blank rows at the top of a sheet are searched for the header.</summary>
    public const int HeaderScanRows = 30;

    public static Problem NoHeader(string? sheet) => new(
        ProblemTypes.MissingLabel, Severity.Error, sheet, null, null, null, null,
        "reading.no-header", [HeaderScanRows.ToString(CultureInfo.InvariantCulture)]);

    public static Problem MissingLabel(string sheet, int headerRow, string column) => new(
        ProblemTypes.MissingLabel, Severity.Error, sheet, headerRow, null, column, null,
        column == ReturnColumn.Indicator ? "reading.missing-label.indicator" : "reading.missing-label.value",
        [Number(headerRow)]);

    public static Problem ExtraLabel(string sheet, int? row, string column, string header) => new(
        ProblemTypes.ExtraLabel, Severity.Warning, sheet, row, column, null, header,
        "reading.extra-label", [header]);

    public static Problem DuplicateLabel(string sheet, int? row, string column, string field, string header, string firstColumn, string firstHeader) => new(
        ProblemTypes.DuplicateLabel, Severity.Error, sheet, row, column, field, header,
        "reading.duplicate-label", [header, firstColumn, firstHeader]);

    public static Problem BlankLabel(string sheet, int headerRow, string column) => new(
        ProblemTypes.BlankLabel, Severity.Warning, sheet, headerRow, column, null, null,
        "reading.blank-label", [column]);

    /// <summary>A file that cannot be read; <paramref name="key"/> names the message, <paramref name="arguments"/> fill it.</summary>
    public static Problem FormatError(string key, string? sheet = null, int? row = null, string? column = null, string? value = null, params string[] arguments) => new(
        ProblemTypes.FormatError, Severity.Error, sheet, row, column, null, value, key, arguments);

    public static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);
}
