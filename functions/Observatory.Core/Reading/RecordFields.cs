using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Observatory.Core.Reading;

/// <summary>
/// The columns shared by every record of one return (its header's known columns), each with a fixed position, so that
/// a record keeps its cells in an array rather than a dictionary of its own.
/// </summary>
internal sealed class RecordLayout
{
    private readonly Dictionary<string, int> _positions;

    /// <param name="columns">The columns, each once, in the order of their positions.</param>
    public RecordLayout(IReadOnlyList<string> columns)
    {
        Columns = columns;
        _positions = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) _positions.Add(columns[i], i);
    }

    /// <summary>The columns, by position.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The position of <paramref name="column"/>, or -1 when the layout has no such column.</summary>
    public int PositionOf(string column) => _positions.TryGetValue(column, out var position) ? position : -1;
}

/// <summary>
/// A record's cells, one for every column of its <see cref="RecordLayout"/> (a blank cell where the row has nothing),
/// read as a dictionary keyed by column. Costs one array per row; the validator reads the cells by position.
/// </summary>
internal sealed class RecordFields(RecordLayout layout, FieldCell[] cells) : IReadOnlyDictionary<string, FieldCell>
{
    /// <summary>The layout the cells follow.</summary>
    public RecordLayout Layout { get; } = layout;

    /// <summary>The cells, by position in <see cref="Layout"/>.</summary>
    public FieldCell[] Cells { get; } = cells;

    public int Count => Cells.Length;

    public IEnumerable<string> Keys => Layout.Columns;

    public IEnumerable<FieldCell> Values => Cells;

    public FieldCell this[string key] => TryGetValue(key, out var cell) ? cell : throw new KeyNotFoundException($"The record has no column {key}.");

    public bool ContainsKey(string key) => Layout.PositionOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldCell value)
    {
        var position = Layout.PositionOf(key);
        value = position >= 0 ? Cells[position] : default;
        return position >= 0;
    }

    public IEnumerator<KeyValuePair<string, FieldCell>> GetEnumerator()
    {
        for (var i = 0; i < Cells.Length; i++)
            yield return new KeyValuePair<string, FieldCell>(Layout.Columns[i], Cells[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
