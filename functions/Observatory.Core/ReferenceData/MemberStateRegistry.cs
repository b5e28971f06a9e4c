namespace Observatory.Core.ReferenceData;

/// <summary>The member states, resolvable from anything a focal point writes for its country.</summary>
public sealed class MemberStateRegistry
{
    /// <summary>Creates a registry over <paramref name="states"/>.</summary>
    public MemberStateRegistry(IReadOnlyList<MemberState> states) => All = states;

    /// <summary>Every member state, in the order of their English names.</summary>
    public IReadOnlyList<MemberState> All { get; }

    /// <summary>The state with this ISO alpha-3 code (any case), or null.</summary>
    public MemberState? FindByIso3(string? iso3) => throw new NotImplementedException();

    /// <summary>
    /// Resolves a country as a person writes it: ISO3, ISO2, M49 (with or without leading zeros), or the
    /// name in any of the four languages, case- and accent-insensitive ("México", "Mexique", "Haïti").
    /// </summary>
    public bool TryResolve(string? text, out MemberState state) => throw new NotImplementedException();
}
