using Observatory.Core.Languages;
using Observatory.Core.Validation;

namespace Observatory.Core.Reading.Tabular;

/// <summary>
/// An xlsx worksheet or a csv file whose header was found: yields the rows below the header as records, read as
/// a stream, and adds blank-label warnings as data turns up under blank headers.
/// </summary>
internal sealed class TabularReturn : ParsedReturn
{
    private readonly HeaderLayout _header;
    private readonly RowCursor _rows;
    private readonly IDisposable _owned;
    private readonly List<Problem> _problems;
    private readonly Func<Exception, Problem> _describeFailure;
    private bool _enumerated;

    /// <param name="format">The file's format.</param>
    /// <param name="header">The located header.</param>
    /// <param name="rows">The rows after the header.</param>
    /// <param name="stated">The country and year the file states.</param>
    /// <param name="problems">The problems found so far (header, metadata).</param>
    /// <param name="describeFailure">The problem to report when the file stops being readable part-way.</param>
    /// <param name="owned">What to dispose with the return (the document, the stream).</param>
    public TabularReturn(ReturnFormat format, HeaderLayout header, RowCursor rows, StatedValueScanner stated, IEnumerable<Problem> problems, Func<Exception, Problem> describeFailure, IDisposable owned)
    {
        Format = format;
        _header = header;
        _rows = rows;
        StatedCountry = stated.Country;
        StatedYear = stated.Year;
        _problems = [.. problems];
        _describeFailure = describeFailure;
        _owned = owned;
    }

    public override ReturnFormat Format { get; }

    public override Language? HeaderLanguage => _header.Language;

    public override StatedValue? StatedCountry { get; }

    public override StatedValue? StatedYear { get; }

    public override IReadOnlyList<Problem> Problems => _problems;

    public override HeaderPosition? Header => new(_header.Sheet, _header.Row);

    public override IEnumerable<ReturnRecord> Records
    {
        get
        {
            if (_enumerated)
                throw new InvalidOperationException("The records of a return can be read once.");
            _enumerated = true;
            return ReadRecords();
        }
    }

    private IEnumerable<ReturnRecord> ReadRecords()
    {
        var sheet = _header.Sheet;
        var letters = _header.Columns.Keys.ToDictionary(index => index, ColumnLetters.FromIndex);
        var unlabelledWithData = new HashSet<int>();
        while (_rows.TryNext(out var row))
        {
            var fields = new Dictionary<string, FieldCell>(_header.Columns.Count, StringComparer.Ordinal);
            foreach (var cell in row.Cells)
            {
                if (_header.Columns.TryGetValue(cell.Column, out var column))
                    fields[column] = new FieldCell(letters[cell.Column], cell.Value);
                else if (!_header.LabelledColumns.Contains(cell.Column) && unlabelledWithData.Add(cell.Column))
                    _problems.Add(ReadingProblems.BlankLabel(sheet, _header.Row, cell.Letter));
            }
            // A row with something only in unknown or unlabelled columns is a remark beside the table, not data.
            if (fields.Count == 0)
                continue;
            foreach (var (index, column) in _header.Columns)
                fields.TryAdd(column, new FieldCell(letters[index], new CellValue(null)));
            yield return new ReturnRecord(sheet, row.Number, fields);
        }
        if (_rows.Failure is not null)
            _problems.Add(_describeFailure(_rows.Failure));
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _rows.Dispose();
        _owned.Dispose();
    }
}
