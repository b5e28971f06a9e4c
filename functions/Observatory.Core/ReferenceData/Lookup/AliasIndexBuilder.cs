using Observatory.Core.Languages;
using Observatory.Core.Text;

namespace Observatory.Core.ReferenceData.Lookup;

/// <summary>
/// Collects the names of one scope (a code list, the indicators, the columns, the states) and refuses any
/// name that would resolve to two different targets, naming both so staff can fix the data.
/// </summary>
internal sealed class AliasIndexBuilder
{
    private readonly string _scope;
    private readonly Dictionary<string, Entry> _asWritten = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Entry> _folded = new(StringComparer.Ordinal);

    /// <param name="scope">How messages name the scope: "code list SEX", "the columns".</param>
    public AliasIndexBuilder(string scope) => _scope = scope;

    /// <summary>Adds <paramref name="name"/> as a way of writing <paramref name="target"/>.</summary>
    /// <param name="name">A code, label or alias as the data file has it.</param>
    /// <param name="target">What it resolves to.</param>
    /// <param name="language">The language it is written in; null for a code or another neutral name.</param>
    /// <exception cref="ReferenceDataException">The name is blank, has no letter or digit, or already names another target.</exception>
    public AliasIndexBuilder Add(string? name, string target, Language? language)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new ReferenceDataException($"{_scope}: {target} has a blank alias.");
        var key = TextKey.Fold(trimmed);
        if (key.Length == 0)
            throw new ReferenceDataException($"{_scope}: alias \"{name}\" of {target} has no letter or digit, so it could never be matched.");
        Put(_folded, key, trimmed, target, language);
        Put(_asWritten, trimmed, trimmed, target, language);
        return this;
    }

    /// <summary>Adds the label of <paramref name="target"/> in each of the four languages.</summary>
    public AliasIndexBuilder AddLabels(LocalizedText labels, string target)
    {
        foreach (var language in LanguageCodes.All)
            Add(labels[language], target, language);
        return this;
    }

    /// <summary>Adds each alias of <paramref name="aliases"/> with its language.</summary>
    public AliasIndexBuilder AddAliases(LocalizedAliases aliases, string target)
    {
        foreach (var language in LanguageCodes.All)
            foreach (var alias in aliases[language])
                Add(alias, target, language);
        foreach (var alias in aliases.Neutral)
            Add(alias, target, null);
        return this;
    }

    /// <summary>Adds language-neutral names of <paramref name="target"/>.</summary>
    public AliasIndexBuilder AddNeutral(IEnumerable<string> names, string target)
    {
        foreach (var name in names)
            Add(name, target, null);
        return this;
    }

    /// <summary>The finished, read-only index.</summary>
    public AliasIndex Build() => new(Freeze(_asWritten), Freeze(_folded));

    private void Put(Dictionary<string, Entry> table, string key, string name, string target, Language? language)
    {
        if (!table.TryGetValue(key, out var entry))
        {
            table[key] = entry = new Entry(target, name);
        }
        else if (!string.Equals(entry.Target, target, StringComparison.Ordinal))
        {
            throw new ReferenceDataException(
                $"{_scope}: \"{name}\" (for {target}) and \"{entry.FirstName}\" (for {entry.Target}) both read as \"{key}\"; " +
                "an alias must resolve to one code only.");
        }
        if (language is { } known) entry.Languages.Add(known);
    }

    private static Dictionary<string, AliasMatch> Freeze(Dictionary<string, Entry> table)
    {
        var frozen = new Dictionary<string, AliasMatch>(table.Count, table.Comparer);
        foreach (var (key, entry) in table)
        {
            var languages = LanguageCodes.All.Where(entry.Languages.Contains).ToArray();
            frozen[key] = new AliasMatch(entry.Target, languages);
        }
        return frozen;
    }

    private sealed class Entry(string target, string firstName)
    {
        public string Target { get; } = target;
        public string FirstName { get; } = firstName;
        public HashSet<Language> Languages { get; } = [];
    }
}
