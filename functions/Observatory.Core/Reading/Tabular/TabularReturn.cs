using Observatory.Core.Languages;
using Observatory.Core.Problems;

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
        // Every record has a cell for each known column, in one layout shared by all records: a column index of the
        // sheet maps to a position by array, and a row's cells start as a copy of the blank row.
        var known = _header.Columns.OrderBy(c => c.Key).ToArray();
        var layout = new RecordLayout([.. known.Select(c => c.Value)]);
        var positions = new int[known.Length == 0 ? 0 : known[^1].Key + 1];
        Array.Fill(positions, -1);
        var blank = new FieldCell[known.Length];
        for (var i = 0; i < known.Length; i++)
        {
            positions[known[i].Key] = i;
            blank[i] = new FieldCell(ColumnLetters.FromIndex(known[i].Key), new CellValue(null));
        }

        var unlabelledWithData = new HashSet<int>();
        while (_rows.TryNext(out var row))
        {
            FieldCell[]? cells = null;
            // By index: a foreach over the read-only list would allocate an enumerator for every row.
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                var position = cell.Column < positions.Length ? positions[cell.Column] : -1;
                if (position >= 0)
                {
                    cells ??= (FieldCell[])blank.Clone();
                    cells[position] = new FieldCell(blank[position].Column, cell.Value);
                }
                else if (!_header.LabelledColumns.Contains(cell.Column) && unlabelledWithData.Add(cell.Column))
                {
                    _problems.Add(ReadingProblems.BlankLabel(sheet, _header.Row, cell.Letter));
                }
            }
            // A row with something only in unknown or unlabelled columns is a remark beside the table, not data.
            if (cells is null)
                continue;
            yield return new ReturnRecord(sheet, row.Number, new RecordFields(layout, cells));
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
