using System.Globalization;
using System.Runtime.InteropServices;
using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using static Observatory.Core.Validation.ValidationCatalog;

namespace Observatory.Core.Validation;

/// <summary>
/// The validation of one return: checks each record as it streams by, keeps what the checks across rows
/// need (one entry per cell), then runs those checks and assembles the outcome. Used once.
/// </summary>
internal sealed class ValidationRun
{
    /// <summary>Counts below this are too small for a fivefold change to mean anything.</summary>
    private const long OutlierFloor = 20;

    /// <summary>A value more than this many times last year's, or less than its inverse, is an outlier.</summary>
    private const long OutlierFactor = 5;

    private readonly ValidationCatalog _catalog;
    private readonly ValidationContext _context;
    private readonly ReturnFormat _format;
    private readonly Language[] _languages;
    private readonly ReturnLimits _limits;
    private readonly ProblemSink _rowProblems;
    private readonly Dictionary<CellKey, CellRecord> _cells = [];
    private readonly List<Observation> _observations = [];
    private readonly Dictionary<string, int> _sheetOrder = new(StringComparer.Ordinal);
    private readonly HashSet<string> _describingColumns;
    private readonly List<ReturnRecord> _notReported = [];
    private readonly RecordCells _cellsOf;
    private string? _lastSheet;

    private readonly ColumnCache<IndicatorShape?> _indicators = new();
    private readonly ColumnCache<byte>[] _dimensionCodes;
    private readonly Dictionary<string, ColumnCache<string?>> _listValues = new(StringComparer.Ordinal);
    private readonly ColumnCache<MemberState?> _countries = new();
    private readonly ColumnCache<int?> _years = new();
    private readonly ColumnCache<string?> _flags = new();

    private int _rows;

    public ValidationRun(ValidationCatalog catalog, ValidationContext context, ReturnFormat format, Language? headerLanguage, ReturnLimits limits)
    {
        _limits = limits;
        _rowProblems = new ProblemSink(limits.MaxDetailedProblems, limits.MaxQuotedValueChars);
        _catalog = catalog;
        _context = context;
        _format = format;
        // The headers settle the language; failing that, a number must read the same in every language of the state.
        _languages = headerLanguage is Language language ? [language] : [.. context.State.Languages];
        _dimensionCodes = new ColumnCache<byte>[catalog.Dimensions.Count];
        for (var i = 0; i < _dimensionCodes.Length; i++) _dimensionCodes[i] = new ColumnCache<byte>();
        _describingColumns = new HashSet<string>(
            [ReturnColumn.Indicator, ReturnColumn.Country, ReturnColumn.Year, ReturnColumn.Unit, ReturnColumn.Previous, .. catalog.Dimensions.Select(d => d.Id)],
            StringComparer.Ordinal);
        _cellsOf = new RecordCells(catalog.Dimensions);
    }

    private IndicatorCatalog Catalog => _catalog.ReferenceData.Catalog;

    /// <summary>Checks one data row and, when it is sound, normalizes it into an observation.</summary>
    public void Read(ReturnRecord record)
    {
        _cellsOf.Use(record);
        if (IsNotReported(record))
        {
            _notReported.Add(record);
            return;
        }
        _rows++;
        // Records of one sheet share its name: the order of sheets is looked up only when the sheet changes.
        if (!ReferenceEquals(record.Sheet, _lastSheet))
        {
            _sheetOrder.TryAdd(record.Sheet, _sheetOrder.Count);
            _lastSheet = record.Sheet;
        }
        var errorsBefore = _rowProblems.ErrorCount;

        CheckCountry(_cellsOf[RecordCells.Country], record.Sheet, record.Row, _rowProblems);
        CheckYear(_cellsOf[RecordCells.Year], record.Sheet, record.Row, _rowProblems);
        var flag = ReadFlag(record);
        var note = ReadNote(record);
        var shape = ReadIndicator(record);
        if (shape is null) return;
        var breakdown = ReadBreakdown(record, shape, out var breakdownKnown);

        if (_cellsOf[RecordCells.Value] is not FieldCell valueCell)
        {
            // A spreadsheet without a value column is reported once by the reader (missing-label);
            // a JSON observation without a value is this row's own problem.
            if (_format == ReturnFormat.Json)
                Report(record, null, ReturnColumn.Value, ProblemTypes.MissingCell, ValidationMessages.ValueMissing, [shape.Indicator.Code]);
            return;
        }
        if (valueCell.Value.IsBlank)
        {
            Report(record, valueCell, ReturnColumn.Value, ProblemTypes.MissingCell, ValidationMessages.ValueMissing, [shape.Indicator.Code]);
            return;
        }
        if (valueCell.Value.Number is null && NotAvailableMarkers.IsMarker(valueCell.Value.Text))
        {
            Report(record, valueCell, ReturnColumn.Value, ProblemTypes.NotAvailable, ValidationMessages.ValueNotAvailable,
                [valueCell.Value.Display], severity: Severity.Warning);
            return;
        }

        var value = ReadValue(record, shape, valueCell);
        if (!breakdownKnown) return;

        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(_cells, new CellKey(shape.Index, breakdown), out var seen);
        if (seen)
        {
            // The whole row repeats another, so the problem names no column or value.
            _rowProblems.Add(Severity.Error, ProblemTypes.DuplicateRow, record.Sheet, record.Row, null, null, null,
                ValidationMessages.DuplicateRow, [RowReference.To(cell.Sheet, cell.Row, record.Sheet), Describe(shape, breakdown)]);
            return;
        }
        cell = new CellRecord(record.Sheet, record.Row, valueCell.Column, valueCell.Value.Display, value?.Number);

        if (value is not ObservationValue typed || _rowProblems.ErrorCount > errorsBefore) return;
        var dimensions = shape.Unpack(breakdown);
        if (typed.Number is long count) CheckOutlier(record, valueCell, shape, dimensions, count);
        _observations.Add(new Observation(
            _context.State.Iso3, _context.Year, shape.Indicator.Code, dimensions, typed, note, flag));
    }

    /// <summary>Runs the checks across rows and assembles the verdict.</summary>
    public ValidationOutcome Finish(ParsedReturn parsed)
    {
        AdditivityCheck.Run(_cells, _catalog, _rowProblems);
        ConvictionsCheck.Run(_cells, _catalog, _rowProblems);

        var fileProblems = new ProblemSink(_limits.MaxDetailedProblems, _limits.MaxQuotedValueChars);
        foreach (var problem in parsed.Problems)
            fileProblems.Add(problem);
        foreach (var count in parsed.OmittedProblems)
            fileProblems.Count(count.Severity, count.Type, count.Count);
        // An empty file gets one error, not one per check; a file the reader could not make sense of
        // (unreadable, required columns missing) already has its own.
        if (_rows == 0 && fileProblems.ErrorCount == 0)
            fileProblems.Add(Severity.Error, ProblemTypes.RowConstraint, null, null, null, null, null, ValidationMessages.NoData, []);
        // Rows left blank beside others that were filled in are named once, so a figure forgotten is not lost unseen;
        // in a file with no figure at all the one "no data" error says it all.
        if (_rows > 0 && _notReported.Count > 0)
        {
            var first = _notReported[0];
            fileProblems.Add(Severity.Warning, ProblemTypes.NotAvailable, first.Sheet, null, first.Get(ReturnColumn.Value)?.Column, ReturnColumn.Value, null,
                ValidationMessages.ValueNotReported, [], [RowReference.Ranges([.. _notReported.Select(r => r.Row)])]);
        }
        if (parsed.StatedCountry is StatedValue country)
            CheckCountry(country.Cell, country.Sheet, country.Row, fileProblems);
        if (parsed.StatedYear is StatedValue year)
            CheckYear(year.Cell, year.Sheet, year.Row, fileProblems);

        // The file's own problems come first; of the rows' problems, those that still fit within the bound.
        var omitted = new Dictionary<(Severity Severity, string Type), int>();
        foreach (var sink in new[] { fileProblems, _rowProblems })
            foreach (var (key, count) in sink.Omitted) omitted[key] = omitted.GetValueOrDefault(key) + count;
        var errors = Bounded([.. fileProblems.Errors, .. InFileOrder(_rowProblems.Errors)], omitted);
        var warnings = Bounded([.. fileProblems.Warnings, .. InFileOrder(_rowProblems.Warnings)], omitted);
        return new ValidationOutcome(_rows, _observations, errors, warnings)
        {
            Omitted = [.. omitted.OrderBy(o => o.Key.Severity).ThenBy(o => o.Key.Type, StringComparer.Ordinal).Select(o => new ProblemCount(o.Key.Severity, o.Key.Type, o.Value))],
        };
    }

    /// <summary>The first <see cref="ReturnLimits.MaxDetailedProblems"/> of <paramref name="problems"/>; the rest counted in <paramref name="omitted"/>.</summary>
    private List<Problem> Bounded(List<Problem> problems, Dictionary<(Severity Severity, string Type), int> omitted)
    {
        if (problems.Count <= _limits.MaxDetailedProblems) return problems;
        foreach (var problem in problems.Skip(_limits.MaxDetailedProblems))
            omitted[(problem.Severity, problem.Type)] = omitted.GetValueOrDefault((problem.Severity, problem.Type)) + 1;
        return problems[.._limits.MaxDetailedProblems];
    }

    /// <summary>
    /// True for a spreadsheet row that names a cell but gives no figure: its value is blank, and nothing else is
    /// written but the indicator, dimensions and the columns that only describe the row (country, year, unit, last
    /// year's value). Templates pre-fill such rows for the state to complete; the ones left blank are not reported,
    /// not wrong. A row with a note or a flag but no value was meant to say something, and stays a missing value;
    /// so does a JSON observation without a value, which no person left blank.
    /// </summary>
    private bool IsNotReported(ReturnRecord record)
    {
        if (_format == ReturnFormat.Json) return false;
        if (_cellsOf[RecordCells.Value] is not FieldCell value || !value.Value.IsBlank) return false;
        foreach (var (column, cell) in record.Fields)
        {
            if (!cell.Value.IsBlank && !_describingColumns.Contains(column)) return false;
        }
        return true;
    }

    private IEnumerable<Problem> InFileOrder(List<Problem> problems) =>
        problems.OrderBy(p => p.Sheet is null ? -1 : _sheetOrder.GetValueOrDefault(p.Sheet, -1)).ThenBy(p => p.Row ?? 0);

    private void CheckCountry(FieldCell? field, string sheet, int? row, ProblemSink sink)
    {
        if (field is not FieldCell cell || cell.Value.IsBlank) return;
        var text = cell.Value.Display;
        if (!_countries.TryGet(text, out var state))
        {
            state = _catalog.ReferenceData.States.TryResolve(text, out var resolved) ? resolved : null;
            _countries.Remember(text, state);
        }
        if (state is null)
            sink.Add(Severity.Error, ProblemTypes.ConstraintError, sheet, row, cell.Column, ReturnColumn.Country, text,
                ValidationMessages.CountryUnknown, [text]);
        else if (!string.Equals(state.Iso3, _context.State.Iso3, StringComparison.OrdinalIgnoreCase))
            sink.Add(Severity.Error, ProblemTypes.RowConstraint, sheet, row, cell.Column, ReturnColumn.Country, text,
                ValidationMessages.CountryMismatch, [text], [state.Names, _context.State.Names]);
    }

    private void CheckYear(FieldCell? field, string sheet, int? row, ProblemSink sink)
    {
        if (field is not FieldCell cell || cell.Value.IsBlank) return;
        var text = cell.Value.Display;
        if (!_years.TryGet(text, out var year))
        {
            year = ParseYear(cell.Value);
            _years.Remember(text, year);
        }
        if (year == _context.Year) return;
        var expected = _context.Year.ToString(CultureInfo.InvariantCulture);
        if (year is null)
            sink.Add(Severity.Error, ProblemTypes.TypeError, sheet, row, cell.Column, ReturnColumn.Year, text,
                ValidationMessages.YearInvalid, [text, expected]);
        else
            sink.Add(Severity.Error, ProblemTypes.RowConstraint, sheet, row, cell.Column, ReturnColumn.Year, text,
                ValidationMessages.YearMismatch, [text, expected]);
    }

    /// <summary>The year of a year cell, read as the reporting policy reads a year; null when it is none of the reporting years.</summary>
    private int? ParseYear(CellValue value)
    {
        if (value.Number is double number)
            return Math.Floor(number) == number && number >= _context.Years.First && number <= _context.Years.Last ? (int)number : null;
        return Reporting.YearText.Read(value.Text, _context.Years).Year;
    }

    private string? ReadFlag(ReturnRecord record)
    {
        if (_cellsOf[RecordCells.Flag] is not FieldCell cell || cell.Value.IsBlank) return null;
        var text = cell.Value.Display;
        if (!_flags.TryGet(text, out var flag))
        {
            flag = FlagLabels.TryResolve(text, out var resolved) ? resolved : null;
            _flags.Remember(text, flag);
        }
        if (flag is null)
            Report(record, cell, ReturnColumn.Flag, ProblemTypes.ConstraintError, ValidationMessages.FlagUnknown, [text]);
        return flag;
    }

    /// <summary>The row's note; a note longer than <see cref="ReturnLimits.MaxNoteChars"/> is an error at its cell.</summary>
    private string? ReadNote(ReturnRecord record)
    {
        if (_cellsOf[RecordCells.Note] is not FieldCell cell || cell.Value.IsBlank) return null;
        var note = cell.Value.Display.Trim();
        if (note.Length <= _limits.MaxNoteChars) return note;
        Report(record, cell, ReturnColumn.Note, ProblemTypes.LimitExceeded, LimitMessages.NoteTooLong,
            [note.Length.ToString(CultureInfo.InvariantCulture), _limits.MaxNoteChars.ToString(CultureInfo.InvariantCulture)]);
        return null;
    }

    private IndicatorShape? ReadIndicator(ReturnRecord record)
    {
        if (_cellsOf[RecordCells.Indicator] is not FieldCell cell)
        {
            if (_format == ReturnFormat.Json)
                Report(record, null, ReturnColumn.Indicator, ProblemTypes.MissingCell, ValidationMessages.IndicatorMissing, []);
            return null;
        }
        if (cell.Value.IsBlank)
        {
            Report(record, cell, ReturnColumn.Indicator, ProblemTypes.MissingCell, ValidationMessages.IndicatorMissing, []);
            return null;
        }
        var text = cell.Value.Display;
        if (!_indicators.TryGet(text, out var shape))
        {
            shape = Catalog.TryResolveIndicator(text, out var indicator) ? _catalog.Find(indicator.Code) : null;
            _indicators.Remember(text, shape);
        }
        if (shape is null)
        {
            Report(record, cell, ReturnColumn.Indicator, ProblemTypes.UnknownIndicator, ValidationMessages.IndicatorUnknown,
                [text, _catalog.SubmittableCodes]);
            return null;
        }
        if (shape.Indicator.Derived)
        {
            Report(record, cell, ReturnColumn.Indicator, ProblemTypes.ConstraintError, ValidationMessages.IndicatorDerived,
                [text], localized: [shape.Indicator.Labels]);
            return null;
        }
        return shape;
    }

    /// <summary>The indicator's dimension codes packed in one long; a blank or absent cell is _T.</summary>
    private long ReadBreakdown(ReturnRecord record, IndicatorShape shape, out bool known)
    {
        known = true;
        long breakdown = 0;
        for (var position = 0; position < shape.Dimensions.Length; position++)
        {
            var dimension = shape.Dimensions[position];
            var code = dimension.Total;
            if (_cellsOf[RecordCells.Dimension(dimension)] is FieldCell cell && !cell.Value.IsBlank)
            {
                code = ResolveDimension(dimension, cell.Value.Display);
                if (code == 0)
                {
                    known = false;
                    Report(record, cell, dimension.Id, ProblemTypes.UnknownCode, ValidationMessages.DimensionUnknownCode,
                        [cell.Value.Display], localized: [dimension.List.Labels, dimension.Accepted]);
                    continue;
                }
            }
            breakdown = IndicatorShape.WithCode(breakdown, position, code);
        }

        // A dimension the indicator lacks must be blank; its total or "not applicable" says the same.
        foreach (var dimension in shape.ForeignDimensions)
        {
            if (_cellsOf[RecordCells.Dimension(dimension)] is not FieldCell cell || cell.Value.IsBlank) continue;
            var code = ResolveDimension(dimension, cell.Value.Display);
            if (code != 0 && (code == dimension.Total || code == dimension.NotApplicable)) continue;
            Report(record, cell, dimension.Id, ProblemTypes.ConstraintError, ValidationMessages.DimensionNotApplicable,
                [cell.Value.Display, shape.Indicator.Code], localized: [dimension.List.Labels]);
        }
        return breakdown;
    }

    private byte ResolveDimension(DimensionShape dimension, string text)
    {
        var cache = _dimensionCodes[dimension.Ordinal];
        if (!cache.TryGet(text, out var code))
        {
            code = Catalog.TryResolveCode(dimension.Id, text, out var resolved) ? dimension.NumberOf(resolved) : (byte)0;
            cache.Remember(text, code);
        }
        return code;
    }

    /// <summary>The typed value, or null when it is wrong (the problem is reported).</summary>
    private ObservationValue? ReadValue(ReturnRecord record, IndicatorShape shape, FieldCell cell)
    {
        var written = cell.Value.Display;
        if (shape.Indicator.ValueList is string listId)
        {
            if (!_listValues.TryGetValue(listId, out var cache)) _listValues.Add(listId, cache = new ColumnCache<string?>());
            if (!cache.TryGet(written, out var code))
            {
                code = Catalog.TryResolveCode(listId, written, out var resolved) ? resolved : null;
                cache.Remember(written, code);
            }
            if (code is not null) return ObservationValue.Of(code);
            Report(record, cell, ReturnColumn.Value, ProblemTypes.ConstraintError, ValidationMessages.ValueNotInList,
                [written, shape.Indicator.Code], localized: [_catalog.ValueLists[listId]]);
            return null;
        }

        var reading = CountReading.Read(cell.Value, _languages);
        switch (reading.Status)
        {
            case CountStatus.Valid:
                return ObservationValue.Of(reading.Value);
            case CountStatus.NotANumber:
                Report(record, cell, ReturnColumn.Value, ProblemTypes.TypeError, ValidationMessages.ValueNotANumber, [written]);
                break;
            case CountStatus.NotWholeCell:
                Report(record, cell, ReturnColumn.Value, ProblemTypes.TypeError, ValidationMessages.ValueNotWhole, [written]);
                break;
            case CountStatus.NotWholeText:
                Report(record, cell, ReturnColumn.Value, ProblemTypes.TypeError, ValidationMessages.ValueNotWholeText, [written],
                    localized: [LanguageNames.Of(reading.Language)]);
                break;
            case CountStatus.Ambiguous:
                Report(record, cell, ReturnColumn.Value, ProblemTypes.TypeError, ValidationMessages.ValueAmbiguous, [written],
                    localized: [LanguageNames.Of(reading.Language), LanguageNames.Of(reading.OtherLanguage)]);
                break;
            case CountStatus.Negative:
                Report(record, cell, ReturnColumn.Value, ProblemTypes.ConstraintError, ValidationMessages.ValueNegative, [written]);
                break;
        }
        return null;
    }

    private void CheckOutlier(ReturnRecord record, FieldCell cell, IndicatorShape shape, KeyValuePair<string, string>[] dimensions, long count)
    {
        if (count < OutlierFloor || _context.PreviousYear.Count == 0) return;
        if (!_context.PreviousYear.TryGetValue(ObservationKey.Of(shape.Indicator.Code, dimensions), out var previous) ||
            previous.Value.Number is not long before || before < OutlierFloor)
            return;
        string key;
        if ((Int128)count > (Int128)before * OutlierFactor) key = ValidationMessages.OutlierHigher;
        else if ((Int128)count * OutlierFactor < before) key = ValidationMessages.OutlierLower;
        else return;
        Report(record, cell, ReturnColumn.Value, ProblemTypes.Outlier, key,
            [
                count.ToString(CultureInfo.InvariantCulture),
                before.ToString(CultureInfo.InvariantCulture),
                previous.Year.ToString(CultureInfo.InvariantCulture),
            ],
            severity: Severity.Warning);
    }

    /// <summary>"CT_VICT_DET, SEX F, AGE _T": the cell in codes, for the duplicate-row message.</summary>
    private static string Describe(IndicatorShape shape, long breakdown)
    {
        var builder = new System.Text.StringBuilder(shape.Indicator.Code);
        for (var position = 0; position < shape.Dimensions.Length; position++)
        {
            var dimension = shape.Dimensions[position];
            builder.Append(", ").Append(dimension.Id).Append(' ').Append(dimension.Codes[IndicatorShape.CodeAt(breakdown, position)]);
        }
        return builder.ToString();
    }

    /// <summary>Reports a problem of <paramref name="record"/> at <paramref name="cell"/> (null when the cell is absent), with its value as written.</summary>
    private void Report(
        ReturnRecord record, FieldCell? cell, string field, string type, string messageKey, string[] arguments,
        LocalizedText[]? localized = null, Severity severity = Severity.Error) =>
        _rowProblems.Add(severity, type, record.Sheet, record.Row, cell?.Column, field, cell?.Value.Display ?? string.Empty,
            messageKey, arguments, localized);
}
