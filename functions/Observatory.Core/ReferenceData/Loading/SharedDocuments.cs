namespace Observatory.Core.ReferenceData.Loading;

/// <summary>A text in the four languages, as the data files write it: <c>{"en": …, "es": …, "pt": …, "fr": …}</c>.</summary>
internal sealed class LocalizedTextDocument
{
    public required string En { get; init; }
    public required string Es { get; init; }
    public required string Pt { get; init; }
    public required string Fr { get; init; }

    public LocalizedText ToModel() => new(En, Es, Pt, Fr);
}

/// <summary>
/// Aliases by language, each list optional: <c>{"en": [...], "es": [...], "pt": [...], "fr": [...], "any": [...]}</c>;
/// "any" holds codes and other spellings that belong to no language.
/// </summary>
internal sealed class AliasesDocument
{
    public IReadOnlyList<string> En { get; set; } = [];
    public IReadOnlyList<string> Es { get; set; } = [];
    public IReadOnlyList<string> Pt { get; set; } = [];
    public IReadOnlyList<string> Fr { get; set; } = [];
    public IReadOnlyList<string> Any { get; set; } = [];

    public LocalizedAliases ToModel() => new(En, Es, Pt, Fr, Any);
}
