using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData.Lookup;

/// <summary>What a name resolves to: a target (a code, a column, an ISO3 code) and the languages that write it so.</summary>
/// <param name="Target">The code, column id or ISO3 code the name stands for.</param>
/// <param name="Languages">The languages whose labels or aliases spell it this way; empty when only neutral entries do.</param>
internal sealed record AliasMatch(string Target, IReadOnlyList<Language> Languages);
