namespace Observatory.Core.Reading.Tabular;

/// <summary>
/// Reads the non-blank rows of a sheet one at a time, with rows read ahead (while looking for the header) put
/// back in front. A failure to read the file ends the rows and is kept in <see cref="Failure"/>, never thrown.
/// </summary>
internal sealed class RowCursor : IDisposable
{
    private readonly IEnumerator<SheetRow> _rows;
    private readonly Queue<SheetRow> _pushedBack = new();
    private bool _ended;

    public RowCursor(IEnumerable<SheetRow> rows)
    {
        // GetEnumerator of an iterator does no work, so nothing here can fail on bad input.
        _rows = rows.GetEnumerator();
    }

    /// <summary>What stopped the rows early, when the file could not be read to its end.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The next non-blank row; false at the end of the sheet or when reading failed.</summary>
    public bool TryNext(out SheetRow row)
    {
        if (_pushedBack.TryDequeue(out row!))
            return true;
        while (!_ended)
        {
            try
            {
                if (!_rows.MoveNext())
                {
                    _ended = true;
                    break;
                }
            }
            catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
            {
                Failure = exception;
                _ended = true;
                break;
            }
            row = _rows.Current;
            if (!row.IsBlank)
                return true;
        }
        row = null!;
        return false;
    }

    /// <summary>Reads up to <paramref name="count"/> non-blank rows.</summary>
    public List<SheetRow> Take(int count)
    {
        var rows = new List<SheetRow>(count);
        while (rows.Count < count && TryNext(out var row))
            rows.Add(row);
        return rows;
    }

    /// <summary>Puts rows read ahead back, to be returned, in order, before any further row.</summary>
    public void PushBack(IEnumerable<SheetRow> rows)
    {
        foreach (var row in rows)
            _pushedBack.Enqueue(row);
    }

    public void Dispose() => _rows.Dispose();
}
