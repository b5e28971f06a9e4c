using Observatory.Core.Languages;
using Observatory.Core.Reading;

namespace Observatory.Core.Validation;

/// <summary>What reading a count cell gave.</summary>
internal enum CountStatus
{
    /// <summary>A whole, non-negative count.</summary>
    Valid,
    /// <summary>Not a number in any of the languages (or too large to be a count).</summary>
    NotANumber,
    /// <summary>A numeric cell with a fraction.</summary>
    NotWholeCell,
    /// <summary>Text that reads as a number with a fraction.</summary>
    NotWholeText,
    /// <summary>Below zero.</summary>
    Negative,
    /// <summary>Two of the candidate languages read different numbers.</summary>
    Ambiguous,
}

/// <summary>The result of reading a count: its status, the value when valid, and the language(s) that decided.</summary>
/// <param name="Status">What the reading gave.</param>
/// <param name="Value">The count when <see cref="CountStatus.Valid"/>.</param>
/// <param name="Language">The language the text was read in (for <see cref="CountStatus.NotWholeText"/> and the first of an ambiguity).</param>
/// <param name="OtherLanguage">The second language of an ambiguity.</param>
internal readonly record struct CountReading(CountStatus Status, long Value, Language Language = Language.En, Language OtherLanguage = Language.En)
{
    /// <summary>
    /// Reads a count from <paramref name="cell"/>. A numeric cell is taken as it is; text is read in each of
    /// <paramref name="languages"/> (the file's language, or every language of the state when the headers do
    /// not settle it), and readings that disagree are <see cref="CountStatus.Ambiguous"/>, never a guess.
    /// </summary>
    public static CountReading Read(CellValue cell, IReadOnlyList<Language> languages)
    {
        if (cell.Number is double number)
        {
            if (!double.IsFinite(number)) return new(CountStatus.NotANumber, 0);
            if (Math.Floor(number) != number) return new(CountStatus.NotWholeCell, 0);
            if (number < 0) return new(CountStatus.Negative, 0);
            // 2^63 is the first double above long.MaxValue.
            if (number >= 9.223372036854775807E18) return new(CountStatus.NotANumber, 0);
            return new(CountStatus.Valid, (long)number);
        }

        decimal value = 0;
        Language? reader = null;
        foreach (var language in languages)
        {
            if (!LocalizedNumber.TryParse(cell.Text, language, out var reading)) continue;
            if (reader is null)
            {
                value = reading;
                reader = language;
            }
            else if (reading != value)
            {
                return new(CountStatus.Ambiguous, 0, reader.Value, language);
            }
        }
        if (reader is not Language decidedBy) return new(CountStatus.NotANumber, 0);
        if (decimal.Truncate(value) != value) return new(CountStatus.NotWholeText, 0, decidedBy);
        if (value < 0) return new(CountStatus.Negative, 0, decidedBy);
        if (value > long.MaxValue) return new(CountStatus.NotANumber, 0, decidedBy);
        return new(CountStatus.Valid, (long)value, decidedBy);
    }
}
