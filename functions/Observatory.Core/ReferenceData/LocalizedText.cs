using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData;

/// <summary>A text in each of the four official languages.</summary>
/// <param name="En">English.</param>
/// <param name="Es">Spanish.</param>
/// <param name="Pt">Portuguese.</param>
/// <param name="Fr">French.</param>
public sealed record LocalizedText(string En, string Es, string Pt, string Fr)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string this[Language language] => language switch
    {
        Language.En => En,
        Language.Es => Es,
        Language.Pt => Pt,
        Language.Fr => Fr,
        _ => En,
    };

    /// <summary>The four texts, in the order of <see cref="LanguageCodes.All"/>.</summary>
    public IEnumerable<string> All => [En, Es, Pt, Fr];
}
