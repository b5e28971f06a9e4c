namespace Observatory.Core.Reading;

/// <summary>
/// One data row of a return, its cells keyed by the column they were matched to
/// (a <see cref="ReferenceData.ReturnColumn"/> constant or a dimension id).
/// </summary>
/// <param name="Sheet">The sheet's name (xlsx), the file's name (csv) or "observations" (JSON).</param>
/// <param name="Row">The row number as the spreadsheet shows it (1-based, counting title rows), or the 1-based index in JSON.</param>
/// <param name="Fields">The recognised cells; a column absent from the file is absent here.</param>
public sealed record ReturnRecord(string Sheet, int Row, IReadOnlyDictionary<string, FieldCell> Fields)
{
    /// <summary>The cell of <paramref name="column"/>, or null when the file has no such column.</summary>
    public FieldCell? Get(string column) => Fields.TryGetValue(column, out var cell) ? cell : null;
}
