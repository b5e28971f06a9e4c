using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData;

/// <summary>
/// Aliases sorted by the language they are written in, plus language-neutral ones (codes such as
/// <c>OBS_VALUE</c> or <c>USA</c>). Knowing the language of a header lets a reader tell the language of a file.
/// </summary>
/// <param name="En">Aliases written in English.</param>
/// <param name="Es">Aliases written in Spanish.</param>
/// <param name="Pt">Aliases written in Portuguese.</param>
/// <param name="Fr">Aliases written in French.</param>
/// <param name="Neutral">Aliases that belong to no language.</param>
public sealed record LocalizedAliases(
    IReadOnlyList<string> En,
    IReadOnlyList<string> Es,
    IReadOnlyList<string> Pt,
    IReadOnlyList<string> Fr,
    IReadOnlyList<string> Neutral)
{
    /// <summary>No aliases at all.</summary>
    public static LocalizedAliases None { get; } = new([], [], [], [], []);

    /// <summary>Treats every alias of <paramref name="aliases"/> as language-neutral.</summary>
    public static LocalizedAliases LanguageNeutral(IReadOnlyList<string> aliases) => new([], [], [], [], aliases);

    /// <summary>The aliases written in <paramref name="language"/>.</summary>
    public IReadOnlyList<string> this[Language language] => language switch
    {
        Language.En => En,
        Language.Es => Es,
        Language.Pt => Pt,
        Language.Fr => Fr,
        _ => [],
    };

    /// <summary>Every alias: English, Spanish, Portuguese, French, then the neutral ones.</summary>
    public IReadOnlyList<string> All => [.. En, .. Es, .. Pt, .. Fr, .. Neutral];
}
