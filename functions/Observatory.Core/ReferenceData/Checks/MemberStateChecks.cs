namespace Observatory.Core.ReferenceData.Checks;

/// <summary>The consistency rules of the member states: well-formed, unique codes, four names, sound periods.</summary>
internal static class MemberStateChecks
{
    /// <summary>Throws a <see cref="ReferenceDataException"/> naming the first state that breaks a rule.</summary>
    public static void Check(IReadOnlyList<MemberState> states)
    {
        var iso3 = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var iso2 = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var m49 = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            var owner = $"state {state.Iso3}";
            RequireLetters(state.Iso3, 3, "ISO alpha-3 code", owner);
            RequireLetters(state.Iso2, 2, "ISO alpha-2 code", owner);
            if (state.M49 is not { Length: 3 } || !state.M49.All(char.IsAsciiDigit))
                throw new ReferenceDataException($"{owner}: M49 code \"{state.M49}\" must be three digits, with leading zeros.");
            DataChecks.RequireUnique(iso3, state.Iso3, "ISO alpha-3 code", "the member states");
            DataChecks.RequireUnique(iso2, state.Iso2, "ISO alpha-2 code", owner);
            DataChecks.RequireUnique(m49, state.M49, "M49 code", owner);
            DataChecks.RequireFourLabels(state.Names, "name", owner);
            CheckParticipation(state, owner);
        }
    }

    private static void RequireLetters(string? code, int length, string what, string owner)
    {
        if (code is null || code.Length != length || !code.All(char.IsAsciiLetterUpper))
            throw new ReferenceDataException($"{owner}: {what} \"{code}\" must be {length} capital letters.");
    }

    private static void CheckParticipation(MemberState state, string owner)
    {
        if (state.Participation.Count == 0)
            throw new ReferenceDataException($"{owner}: has no participation period, so it could never submit.");
        ParticipationPeriod? previous = null;
        foreach (var period in state.Participation)
        {
            if (period.Until is { } until && until < period.From)
                throw new ReferenceDataException($"{owner}: a participation period ends ({until:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd}).");
            if (previous is not null && (previous.Until is not { } end || end >= period.From))
                throw new ReferenceDataException($"{owner}: the participation period from {period.From:yyyy-MM-dd} overlaps the one before it; list periods in order, each after the previous one ends.");
            previous = period;
        }
    }
}
