using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData.Loading;

/// <summary>Reads a member states document (member-states.v&lt;N&gt;.json).</summary>
internal static class MemberStatesReader
{
    /// <summary>Reads and checks the states in <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ReferenceDataException">The document is malformed or inconsistent.</exception>
    public static MemberStateRegistry Read(Stream json, string source) =>
        DocumentReader.Read(json, source, ReferenceDataJsonContext.Default.MemberStatesDocument, ToModel);

    private static MemberStateRegistry ToModel(MemberStatesDocument document) =>
        new([.. document.States.Select(ToState)]);

    private static MemberState ToState(MemberStateDocument s) => new(
        s.Iso3,
        s.Iso2,
        s.M49,
        s.Name.ToModel(),
        ParseLanguage(s.Language, s.Iso3),
        [.. s.Participation.Select(p => new ParticipationPeriod(p.From, p.Until, p.Note))],
        s.Aliases.ToModel().All)
    {
        OtherLanguages = [.. s.OtherLanguages.Select(l => ParseLanguage(l, s.Iso3))],
    };

    private static Language ParseLanguage(string code, string iso3) =>
        LanguageCodes.TryParse(code, out var language)
            ? language
            : throw new ReferenceDataException($"state {iso3}: language \"{code}\" is not one of en, es, pt, fr.");
}
