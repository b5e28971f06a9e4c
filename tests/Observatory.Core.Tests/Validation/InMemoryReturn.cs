using System.Globalization;
using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Validation;

/// <summary>
/// A return as a reader would hand it over, built in memory. Like a real reader, its records can be
/// enumerated once and its problems are complete only after that.
/// </summary>
internal sealed class InMemoryReturn : ParsedReturn
{
    private readonly IReadOnlyList<ReturnRecord> _records;
    private readonly IReadOnlyList<Problem> _problems;
    private bool _enumerated;
    private bool _finished;

    public InMemoryReturn(
        IReadOnlyList<ReturnRecord> records,
        Language? headerLanguage = null,
        StatedValue? statedCountry = null,
        StatedValue? statedYear = null,
        IReadOnlyList<Problem>? problems = null,
        ReturnFormat format = ReturnFormat.Xlsx)
    {
        _records = records;
        HeaderLanguage = headerLanguage;
        StatedCountry = statedCountry;
        StatedYear = statedYear;
        _problems = problems ?? [];
        Format = format;
    }

    public override ReturnFormat Format { get; }
    public override Language? HeaderLanguage { get; }
    public override StatedValue? StatedCountry { get; }
    public override StatedValue? StatedYear { get; }
    public override IReadOnlyList<Problem> Problems => _finished ? _problems : [];

    public override IEnumerable<ReturnRecord> Records
    {
        get
        {
            if (_enumerated) throw new InvalidOperationException("The records of a return can be read once.");
            _enumerated = true;
            return Stream();
        }
    }

    private IEnumerable<ReturnRecord> Stream()
    {
        foreach (var record in _records) yield return record;
        _finished = true;
    }
}

/// <summary>
/// Builds the data rows of a sheet: the columns are named by field (indicator, SEX, value, …) in sheet
/// order, A onwards; the header is row 1, so data starts on row 2. A cell given as a string is text
/// (blank when empty), as a number a numeric cell, as null a blank cell.
/// </summary>
internal sealed class Sheet(params string[] fields)
{
    private readonly List<ReturnRecord> _records = [];

    public string Name { get; init; } = "Data";

    public int NextRow { get; set; } = 2;

    public IReadOnlyList<ReturnRecord> Records => _records;

    public Sheet Row(params object?[] cells)
    {
        if (cells.Length != fields.Length) throw new ArgumentException($"{fields.Length} cells expected.");
        var record = new Dictionary<string, FieldCell>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
            record[fields[i]] = new FieldCell(ColumnLetters.FromIndex(i), ToCell(cells[i]));
        _records.Add(new ReturnRecord(Name, NextRow++, record));
        return this;
    }

    public string ColumnOf(string field) => ColumnLetters.FromIndex(Array.IndexOf(fields, field));

    public InMemoryReturn ToReturn(Language? headerLanguage = null) => new(_records, headerLanguage);

    private static CellValue ToCell(object? value) => value switch
    {
        null => new CellValue(null),
        string text => new CellValue(text),
        IConvertible number => new CellValue(null, number.ToDouble(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Unsupported cell {value}."),
    };
}

/// <summary>Runs the validator over the test catalog.</summary>
internal static class ValidatorHarness
{
    public static readonly ReturnValidator Validator = new(TestReferenceData.Instance);

    public static ValidationOutcome Validate(
        ParsedReturn parsed, string state = "MEX", int year = 2025, IEnumerable<Observation>? previousYear = null) =>
        Validator.Validate(parsed, new ValidationContext(
            TestReferenceData.State(state), year,
            (previousYear ?? []).ToDictionary(o => o.Key)));

    public static ValidationOutcome Validate(
        Sheet sheet, string state = "MEX", Language? headerLanguage = null, IEnumerable<Observation>? previousYear = null, int year = 2025) =>
        Validate(sheet.ToReturn(headerLanguage), state, year, previousYear);

    /// <summary>Renders a problem in the shipped messages.</summary>
    public static string Render(Problem problem, Language language) => MessageCatalog.Default.Render(problem, language);
}
