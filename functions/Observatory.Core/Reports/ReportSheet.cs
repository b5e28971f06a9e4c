using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Reading.Tabular;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>A problem placed on a sheet of the report: the row and column it marks there.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Row">The sheet row it belongs to.</param>
/// <param name="Column">The 0-based column of the cell it marks; null for a problem of the whole row.</param>
internal sealed record PlacedProblem(Problem Problem, int Row, int? Column);

/// <summary>
/// A sheet of the focal point's file as the report shows it again: its rows read anew from the raw file, its header
/// row, and the problems placed on its cells.
/// </summary>
internal sealed class ReportSheet
{
    private readonly Func<IEnumerable<SheetRow>> _readRows;

    public ReportSheet(string name, int? headerRow, Func<IEnumerable<SheetRow>> readRows, IEnumerable<PlacedProblem> problems)
    {
        Name = name;
        HeaderRow = headerRow;
        _readRows = readRows;
        ProblemsByRow = problems.GroupBy(p => p.Row).ToDictionary(g => g.Key, g => (IReadOnlyList<PlacedProblem>)[.. g]);
    }

    /// <summary>The sheet's name in the file (the file's name for csv).</summary>
    public string Name { get; }

    /// <summary>The header's row, when the reader found one here.</summary>
    public int? HeaderRow { get; }

    /// <summary>The problems of each row, in report order.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PlacedProblem>> ProblemsByRow { get; }

    /// <summary>
    /// The non-blank rows in order. A file that stops being readable part-way ends its rows there: the report shows
    /// what could be read, and the reader's own problem already says the rest could not.
    /// </summary>
    public IEnumerable<SheetRow> Rows()
    {
        IEnumerator<SheetRow>? rows = null;
        try
        {
            try
            {
                rows = _readRows().GetEnumerator();
            }
            catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
            {
                yield break;
            }
            while (true)
            {
                try
                {
                    if (!rows.MoveNext()) yield break;
                }
                catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
                {
                    yield break;
                }
                if (!rows.Current.IsBlank) yield return rows.Current;
            }
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>
    /// The columns a report shows when it cannot show them all: those a problem marks first, then the leftmost of
    /// <paramref name="columnsWithData"/>, at most <paramref name="max"/> in all, in column order.
    /// </summary>
    public IReadOnlyList<int> ColumnsToShow(IEnumerable<int> columnsWithData, int max)
    {
        var chosen = new SortedSet<int>(ProblemsByRow.Values.SelectMany(p => p).Where(p => p.Column is not null).Select(p => p.Column!.Value).Distinct().Order().Take(max));
        foreach (var column in columnsWithData.Distinct().Order())
        {
            if (chosen.Count >= max) break;
            chosen.Add(column);
        }
        return [.. chosen];
    }

    /// <summary>The most severe problem marking the cell at <paramref name="column"/> of <paramref name="row"/>, or null.</summary>
    public Severity? SeverityAt(int row, int column)
    {
        if (!ProblemsByRow.TryGetValue(row, out var problems)) return null;
        Severity? worst = null;
        foreach (var placed in problems)
        {
            if (placed.Column != column) continue;
            if (placed.Problem.Severity == Severity.Error) return Severity.Error;
            worst = Severity.Warning;
        }
        return worst;
    }
}
