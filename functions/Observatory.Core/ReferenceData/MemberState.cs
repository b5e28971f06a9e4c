using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData;

/// <summary>A member state of the organisation, as focal points and the open data name it.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code, the key used everywhere in storage and open data (MEX).</param>
/// <param name="Iso2">ISO 3166-1 alpha-2 code (MX).</param>
/// <param name="M49">UN M49 numeric code, three digits with leading zeros (484).</param>
/// <param name="Names">The state's name in the four languages.</param>
/// <param name="Language">The usual working language of the focal point: default for labels and messages.</param>
/// <param name="Participation">The periods in which the state took part; a state may submit for a year inside one of them.</param>
/// <param name="Aliases">Further ways people write the name ("Estados Unidos de América", "USA").</param>
public sealed record MemberState(
    string Iso3,
    string Iso2,
    string M49,
    LocalizedText Names,
    Language Language,
    IReadOnlyList<ParticipationPeriod> Participation,
    IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// Further official languages the state's focal points may work in (French for Canada); empty for most.
    /// Messages default to <see cref="Language"/>. A file whose headers do not settle its language may be written in
    /// any of them, so a number that reads differently in two of them is ambiguous.
    /// </summary>
    public IReadOnlyList<Language> OtherLanguages { get; init; } = [];

    /// <summary>The working language first, then the others.</summary>
    public IEnumerable<Language> Languages => OtherLanguages.Prepend(Language).Distinct();

    /// <summary>True when the state took part during some of the calendar <paramref name="year"/>.</summary>
    public bool ParticipatedIn(int year) => Participation.Any(p => p.Covers(year));
}

/// <summary>A period of participation; open-ended when <paramref name="Until"/> is null.</summary>
/// <param name="From">First day of participation.</param>
/// <param name="Until">Last day of participation, or null while it lasts.</param>
/// <param name="Note">Why the period starts or ends (exclusion, denunciation), for staff.</param>
public sealed record ParticipationPeriod(DateOnly From, DateOnly? Until, string? Note)
{
    /// <summary>True when some day of the calendar <paramref name="year"/> falls in the period.</summary>
    public bool Covers(int year) =>
        From.Year <= year && (Until is null || Until.Value.Year >= year);
}
