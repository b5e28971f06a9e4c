namespace Observatory.Core.Reading.Tabular;

/// <summary>A non-blank cell of a sheet row: its 0-based column index and value.</summary>
internal readonly record struct SheetCell(int Column, CellValue Value)
{
    /// <summary>The column letter a spreadsheet shows (A, B, …, AA).</summary>
    public string Letter => ColumnLetters.FromIndex(Column);
}

/// <summary>
/// A row of a sheet (xlsx worksheet or csv file) as read, before any header is known: its number as a spreadsheet
/// shows it and its non-blank cells in column order.
/// </summary>
internal sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    /// <summary>True when the row has no non-blank cell.</summary>
    public bool IsBlank => Cells.Count == 0;
}

/// <summary>A sheet that may hold the data: its name and a way to read its rows from the top.</summary>
/// <param name="Name">The sheet's name (xlsx) or the file's name (csv).</param>
/// <param name="ReadRows">Reads the rows from the first; may be called again to read them anew.</param>
internal sealed record SheetSource(string Name, Func<IEnumerable<SheetRow>> ReadRows);
