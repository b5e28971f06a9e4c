using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading.Tabular;

/// <summary>A header cell: where it stands, what it says, and the column it names (null when none).</summary>
internal sealed record HeaderLabel(int ColumnIndex, string Text, string? Column, Language? Language)
{
    public string Letter => ColumnLetters.FromIndex(ColumnIndex);
}

/// <summary>A row read as if it were the header.</summary>
internal sealed class HeaderCandidate
{
    private HeaderCandidate(SheetRow row, IReadOnlyList<HeaderLabel> labels)
    {
        Row = row;
        Labels = labels;
        var known = labels.Where(l => l.Column is not null).Select(l => l.Column!).ToHashSet(StringComparer.Ordinal);
        KnownColumns = known.Count;
        HasRequiredColumns = known.Contains(ReturnColumn.Indicator) && known.Contains(ReturnColumn.Value);
    }

    public SheetRow Row { get; }

    /// <summary>Every non-blank cell of the row, resolved or not, in column order.</summary>
    public IReadOnlyList<HeaderLabel> Labels { get; }

    /// <summary>How many distinct known columns the row names.</summary>
    public int KnownColumns { get; }

    /// <summary>True when the row names both the indicator and the value column.</summary>
    public bool HasRequiredColumns { get; }

    public static HeaderCandidate Evaluate(SheetRow row, IColumnResolver resolver)
    {
        var labels = new List<HeaderLabel>(row.Cells.Count);
        foreach (var cell in row.Cells)
        {
            var text = cell.Value.Display.Trim();
            labels.Add(resolver.TryResolve(text, out var column, out var language)
                ? new HeaderLabel(cell.Column, text, column, language)
                : new HeaderLabel(cell.Column, text, null, null));
        }
        return new HeaderCandidate(row, labels);
    }
}

/// <summary>Finds the header among the first rows of a sheet.</summary>
internal static class HeaderLocator
{
    /// <summary>
    /// A row naming fewer known columns than this, without both required ones, is not taken for a header: one
    /// known word is as likely a title or a "Year: 2025" line.
    /// </summary>
    private const int MinimumColumnsOfIncompleteHeader = 2;

    /// <summary>
    /// The header among <paramref name="rows"/> (non-blank, in order): the row naming the most known columns among
    /// those naming both the indicator and the value (the first on a tie); failing that, the row naming the most known
    /// columns, if it names at least two, so that a header lacking a required column is reported as such rather than
    /// as no header at all. Null when no row qualifies.
    /// </summary>
    public static (int Index, HeaderCandidate Header)? Locate(IReadOnlyList<SheetRow> rows, IColumnResolver resolver)
    {
        (int Index, HeaderCandidate Header)? complete = null;
        (int Index, HeaderCandidate Header)? incomplete = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var candidate = HeaderCandidate.Evaluate(rows[i], resolver);
            if (candidate.HasRequiredColumns)
            {
                if (complete is null || candidate.KnownColumns > complete.Value.Header.KnownColumns)
                    complete = (i, candidate);
            }
            else if (candidate.KnownColumns >= MinimumColumnsOfIncompleteHeader
                     && (incomplete is null || candidate.KnownColumns > incomplete.Value.Header.KnownColumns))
            {
                incomplete = (i, candidate);
            }
        }
        return complete ?? incomplete;
    }
}
