using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>
/// Gives the validator the cells of the record being read, by column. The records of a spreadsheet share one layout,
/// so each column's position is resolved once per layout and a cell is then an array access, instead of a dictionary
/// lookup for every column of every row; other records (JSON) are looked up by name.
/// </summary>
internal sealed class RecordCells
{
    /// <summary>The columns the validator reads, by number: the return's own columns, then one per catalog dimension.</summary>
    public const int Country = 0, Year = 1, Indicator = 2, Value = 3, Flag = 4, Note = 5;

    private const int FirstDimension = 6;

    private readonly string[] _columns;
    private RecordLayout? _layout;
    private int[] _positions = [];
    private FieldCell[]? _cells;
    private ReturnRecord? _record;

    /// <param name="dimensions">The catalog's dimensions, by <see cref="ValidationCatalog.DimensionShape.Ordinal"/>.</param>
    public RecordCells(IReadOnlyList<ValidationCatalog.DimensionShape> dimensions)
    {
        _columns = [ReturnColumn.Country, ReturnColumn.Year, ReturnColumn.Indicator, ReturnColumn.Value, ReturnColumn.Flag, ReturnColumn.Note,
            .. dimensions.Select(d => d.Id)];
    }

    /// <summary>The column number of a dimension.</summary>
    public static int Dimension(ValidationCatalog.DimensionShape dimension) => FirstDimension + dimension.Ordinal;

    /// <summary>Makes <paramref name="record"/> the one whose cells are read.</summary>
    public void Use(ReturnRecord record)
    {
        _record = record;
        if (record.Fields is RecordFields fields)
        {
            if (!ReferenceEquals(fields.Layout, _layout))
            {
                _layout = fields.Layout;
                _positions = [.. _columns.Select(fields.Layout.PositionOf)];
            }
            _cells = fields.Cells;
        }
        else
        {
            _cells = null;
        }
    }

    /// <summary>The cell of column number <paramref name="column"/>, or null when the record has no such column.</summary>
    public FieldCell? this[int column]
    {
        get
        {
            if (_cells is null) return _record!.Get(_columns[column]);
            var position = _positions[column];
            return position >= 0 ? _cells[position] : null;
        }
    }
}
