namespace Observatory.Core.Languages;

/// <summary>The four official languages of the organisation.</summary>
public enum Language
{
    /// <summary>English.</summary>
    En,
    /// <summary>Spanish.</summary>
    Es,
    /// <summary>Portuguese.</summary>
    Pt,
    /// <summary>French.</summary>
    Fr,
}

/// <summary>Conversions between <see cref="Language"/> and its two-letter code.</summary>
public static class LanguageCodes
{
    /// <summary>All four languages, in the order the catalog lists them.</summary>
    public static IReadOnlyList<Language> All { get; } = [Language.En, Language.Es, Language.Pt, Language.Fr];

    /// <summary>The lower-case ISO 639-1 code: en, es, pt, fr.</summary>
    public static string ToCode(this Language language) => language switch
    {
        Language.En => "en",
        Language.Es => "es",
        Language.Pt => "pt",
        Language.Fr => "fr",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>Parses en, es, pt or fr (any case); false for anything else.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "en": language = Language.En; return true;
            case "es": language = Language.Es; return true;
            case "pt": language = Language.Pt; return true;
            case "fr": language = Language.Fr; return true;
            default: language = Language.En; return false;
        }
    }
}
