using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading.Tabular;

/// <summary>
/// The header as used for reading the rows below it: which column index holds which known column, which indices
/// have a label at all, the header's language, and what is wrong with it.
/// </summary>
internal sealed class HeaderLayout
{
    private static readonly string[] RequiredColumns = [ReturnColumn.Indicator, ReturnColumn.Value];

    private HeaderLayout(string sheet, int row, IReadOnlyDictionary<int, string> columns, IReadOnlySet<int> labelled, Language? language, IReadOnlyList<Problem> problems)
    {
        Sheet = sheet;
        Row = row;
        Columns = columns;
        LabelledColumns = labelled;
        Language = language;
        Problems = problems;
    }

    public string Sheet { get; }

    /// <summary>The header's row number as the spreadsheet shows it.</summary>
    public int Row { get; }

    /// <summary>Column index → known column, for the first header naming each column.</summary>
    public IReadOnlyDictionary<int, string> Columns { get; }

    /// <summary>The column indices whose header cell is not blank.</summary>
    public IReadOnlySet<int> LabelledColumns { get; }

    public Language? Language { get; }

    /// <summary>Unknown, repeated and missing labels.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    public static HeaderLayout From(string sheet, HeaderCandidate header)
    {
        var row = header.Row.Number;
        var columns = new Dictionary<int, string>();
        var first = new Dictionary<string, HeaderLabel>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        foreach (var label in header.Labels)
        {
            if (label.Column is null)
                problems.Add(ReadingProblems.ExtraLabel(sheet, row, label.Letter, label.Text));
            else if (first.TryGetValue(label.Column, out var earlier))
                problems.Add(ReadingProblems.DuplicateLabel(sheet, row, label.Letter, label.Column, label.Text, earlier.Letter, earlier.Text));
            else
            {
                first.Add(label.Column, label);
                columns.Add(label.ColumnIndex, label.Column);
            }
        }
        foreach (var required in RequiredColumns)
        {
            if (!first.ContainsKey(required))
                problems.Add(ReadingProblems.MissingLabel(sheet, row, required));
        }
        var labelled = header.Labels.Select(l => l.ColumnIndex).ToHashSet();
        // Only the labels that are used vote: a repeated one is counted once, an unknown one says nothing.
        var language = LanguageVote.Winner(first.Values.Select(l => l.Language));
        return new HeaderLayout(sheet, row, columns, labelled, language, problems);
    }
}
