using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData;

/// <summary>A column header resolved to a known column, with the languages its spelling belongs to.</summary>
/// <param name="Column">A <see cref="ReturnColumn"/> constant or a dimension id.</param>
/// <param name="Languages">
/// Every language in which the header is a label or alias of the column, in the order of
/// <see cref="LanguageCodes.All"/>: one for "Edad", two for "Sexo" (Spanish and Portuguese), none for a
/// language-neutral header such as <c>SEX</c> or <c>OBS_VALUE</c>.
/// </param>
public readonly record struct ColumnMatch(string Column, IReadOnlyList<Language> Languages)
{
    /// <summary>The header's language when exactly one language writes it so; null when neutral or shared.</summary>
    public Language? Language => Languages is { Count: 1 } ? Languages[0] : null;
}
