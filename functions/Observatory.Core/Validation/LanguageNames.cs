using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>The names of the four languages in each of them, for messages ("read as numbers are written in Spanish").</summary>
internal static class LanguageNames
{
    private static readonly LocalizedText English = new("English", "inglés", "inglês", "anglais");
    private static readonly LocalizedText Spanish = new("Spanish", "español", "espanhol", "espagnol");
    private static readonly LocalizedText Portuguese = new("Portuguese", "portugués", "português", "portugais");
    private static readonly LocalizedText French = new("French", "francés", "francês", "français");

    /// <summary>The name of <paramref name="language"/> in every language.</summary>
    public static LocalizedText Of(Language language) => language switch
    {
        Language.En => English,
        Language.Es => Spanish,
        Language.Pt => Portuguese,
        Language.Fr => French,
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };
}
