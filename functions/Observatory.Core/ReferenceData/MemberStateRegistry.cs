using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Observatory.Core.ReferenceData.Checks;
using Observatory.Core.ReferenceData.Lookup;

namespace Observatory.Core.ReferenceData;

/// <summary>The member states, resolvable from anything a focal point writes for its country.</summary>
public sealed class MemberStateRegistry
{
    private readonly FrozenDictionary<string, MemberState>.AlternateLookup<ReadOnlySpan<char>> _byIso3;
    private readonly FrozenDictionary<int, MemberState> _byM49;
    private readonly AliasIndex _names;

    /// <summary>Creates a registry over <paramref name="states"/>.</summary>
    /// <exception cref="ReferenceDataException">
    /// A code is malformed or repeated, a name is missing in one of the four languages, the participation
    /// periods are empty, reversed or overlapping, or a name or alias resolves to two states.
    /// </exception>
    public MemberStateRegistry(IReadOnlyList<MemberState> states)
    {
        MemberStateChecks.Check(states);
        All = [.. states.OrderBy(s => s.Names.En, StringComparer.Ordinal)];
        _byIso3 = states.ToFrozenDictionary(s => s.Iso3, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _byM49 = states.ToFrozenDictionary(s => int.Parse(s.M49, CultureInfo.InvariantCulture));
        _names = BuildNameIndex(states);
    }

    /// <summary>Every member state, in the order of their English names.</summary>
    public IReadOnlyList<MemberState> All { get; }

    /// <summary>The state with this ISO alpha-3 code (any case), or null.</summary>
    public MemberState? FindByIso3(string? iso3) =>
        _byIso3.TryGetValue(iso3.AsSpan().Trim(), out var state) ? state : null;

    /// <summary>
    /// Resolves a country as a person writes it: ISO3, ISO2, M49 (with or without leading zeros), or the
    /// name in any of the four languages, case- and accent-insensitive ("México", "Mexique", "Haïti").
    /// </summary>
    public bool TryResolve(string? text, [MaybeNullWhen(false)] out MemberState state)
    {
        var trimmed = text.AsSpan().Trim();
        // Digits are an M49 code and nothing else; "28" is Antigua and Barbuda's 028.
        if (IsM49Like(trimmed))
            return _byM49.TryGetValue(int.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture), out state);
        if (_names.TryFind(trimmed, out var match))
        {
            state = _byIso3[match.Target];
            return true;
        }
        state = null;
        return false;
    }

    // One to four digits: "28", "028", "0028".
    private static bool IsM49Like(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 4) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static AliasIndex BuildNameIndex(IReadOnlyList<MemberState> states)
    {
        var builder = new AliasIndexBuilder("the member states");
        foreach (var state in states)
        {
            builder.Add(state.Iso3, state.Iso3, null)
                .Add(state.Iso2, state.Iso3, null)
                .AddLabels(state.Names, state.Iso3)
                .AddNeutral(state.Aliases, state.Iso3);
        }
        return builder.Build();
    }
}
