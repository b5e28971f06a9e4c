using Observatory.Core.Languages;

namespace Observatory.Core.Reading.Tabular;

/// <summary>Settles the language of a set of labels by plurality.</summary>
internal static class LanguageVote
{
    /// <summary>
    /// The language most labels are written in; null when none names a language or two languages tie
    /// (a tie would be a guess, and the file's language decides how its numbers are read).
    /// </summary>
    public static Language? Winner(IEnumerable<Language?> votes)
    {
        var tally = votes
            .Where(vote => vote.HasValue)
            .GroupBy(vote => vote!.Value)
            .Select(group => (Language: group.Key, Count: group.Count()))
            .OrderByDescending(entry => entry.Count)
            .ToList();
        if (tally.Count == 0)
            return null;
        if (tally.Count > 1 && tally[0].Count == tally[1].Count)
            return null;
        return tally[0].Language;
    }
}
