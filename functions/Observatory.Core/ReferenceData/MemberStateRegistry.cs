namespace Observatory.Core.ReferenceData;

/// <summary>The member states, resolvable from anything a focal point writes for its country.</summary>
public sealed class MemberStateRegistry
{
    /// <summary>Creates a registry over <paramref name="states"/>.</summary>
    public MemberStateRegistry(IReadOnlyList<MemberState> states) => All = states;

    /// <summary>Every member state, in the order of their English names.</summary>
    public IReadOnlyList<MemberState> All { get; }

    /// <summary>The state with this ISO alpha-3 code (any case), or null.</summary>
    public MemberState? FindByIso3(string? iso3) =>
        All.FirstOrDefault(s => string.Equals(s.Iso3, iso3?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Resolves a country as a person writes it: ISO3, ISO2, M49 (with or without leading zeros), or the
    /// name in any of the four languages, case- and accent-insensitive ("México", "Mexique", "Haïti").
    /// </summary>
    public bool TryResolve(string? text, out MemberState state)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var key = Text.TextKey.Fold(trimmed);
        state = All.FirstOrDefault(s =>
            key.Length > 0 &&
            (string.Equals(s.Iso3, trimmed, StringComparison.OrdinalIgnoreCase) ||
             string.Equals(s.Iso2, trimmed, StringComparison.OrdinalIgnoreCase) ||
             (int.TryParse(trimmed, out var m49) && int.Parse(s.M49, System.Globalization.CultureInfo.InvariantCulture) == m49) ||
             s.Names.All.Concat(s.Aliases).Any(n => Text.TextKey.Fold(n) == key)))!;
        return state is not null;
    }
}
