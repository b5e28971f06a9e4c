namespace Observatory.Core.Reading.Csv;

/// <summary>
/// Detects a csv file's separator (comma, semicolon or tab) from its first records: Excel in a Spanish, Portuguese or
/// French locale writes semicolons, elsewhere commas, and "text" exports use tabs.
/// </summary>
internal static class SeparatorDetector
{
    /// <summary>The candidates, in the order a tie is settled.</summary>
    private static readonly char[] Candidates = [',', ';', '\t'];

    private const int RecordsExamined = 50;

    /// <summary>
    /// The separator that splits the most records of <paramref name="sample"/> into the same number of fields.
    /// Records are split as csv is (a quoted field may hold separators and line breaks); records with none of a
    /// candidate (a title above the header) do not count against it. Ties go to the candidate that makes more
    /// fields, then to comma, semicolon, tab in that order. Comma when no candidate occurs at all.
    /// </summary>
    /// <param name="sample">The start of the file's text.</param>
    /// <param name="complete">False when the sample was cut from a longer text, so that its last record may be partial.</param>
    public static char Detect(string sample, bool complete)
    {
        var counts = CountPerRecord(sample, complete);
        var best = ',';
        (int Agreeing, int Fields) bestScore = (0, 0);
        for (var c = 0; c < Candidates.Length; c++)
        {
            var score = Score(counts.Select(record => record[c]));
            if (score.Agreeing > bestScore.Agreeing || (score.Agreeing == bestScore.Agreeing && score.Fields > bestScore.Fields))
            {
                best = Candidates[c];
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>How many records share the most common non-zero count, and that count.</summary>
    private static (int Agreeing, int Fields) Score(IEnumerable<int> separatorsPerRecord)
    {
        var common = separatorsPerRecord
            .Where(count => count > 0)
            .GroupBy(count => count)
            .Select(group => (Agreeing: group.Count(), Fields: group.Key + 1))
            .OrderByDescending(entry => entry.Agreeing)
            .ThenByDescending(entry => entry.Fields)
            .FirstOrDefault();
        return common;
    }

    /// <summary>For each non-blank record, how many of each candidate stand outside quotes.</summary>
    private static List<int[]> CountPerRecord(string sample, bool complete)
    {
        var records = new List<int[]>();
        var current = new int[Candidates.Length];
        var inQuotes = false;
        var hasContent = false;
        foreach (var c in sample)
        {
            if (c == '"')
            {
                // A doubled quote inside a quoted field toggles twice, which leaves the state as it was.
                inQuotes = !inQuotes;
                hasContent = true;
            }
            else if (!inQuotes && c is '\n' or '\r')
            {
                if (hasContent)
                {
                    records.Add(current);
                    if (records.Count == RecordsExamined)
                        return records;
                }
                current = new int[Candidates.Length];
                hasContent = false;
            }
            else
            {
                if (!char.IsWhiteSpace(c) || c == '\t') hasContent = true;
                if (!inQuotes)
                {
                    var index = Array.IndexOf(Candidates, c);
                    if (index >= 0) current[index]++;
                }
            }
        }
        if (hasContent && complete)
            records.Add(current);
        return records;
    }
}
