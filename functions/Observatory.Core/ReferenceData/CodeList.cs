namespace Observatory.Core.ReferenceData;

/// <summary>One code of a code list (a dimension such as SEX, or a value list such as TREATY_STATUS).</summary>
/// <param name="Code">The stable code (F, Y12T17, _T, RATIFIED).</param>
/// <param name="Labels">The label in the four languages.</param>
/// <param name="Aliases">Other ways people write it, in any language ("labor", "12-17", "Sí").</param>
public sealed record CodeItem(string Code, LocalizedText Labels, IReadOnlyList<string> Aliases);

/// <summary>A list of codes: a dimension or a value list.</summary>
/// <param name="Id">The list's identifier (SEX, AGE, EXPLOITATION, TREATY_STATUS, YES_NO).</param>
/// <param name="Labels">What the list is called, in the four languages; for dimensions, also a column header.</param>
/// <param name="IsDimension">True for dimensions, false for value lists.</param>
/// <param name="Items">The codes, in the catalog's order.</param>
public sealed record CodeList(string Id, LocalizedText Labels, bool IsDimension, IReadOnlyList<CodeItem> Items)
{
    /// <summary>The total code of SDMX: a blank dimension cell means this.</summary>
    public const string Total = "_T";

    /// <summary>The unknown code of SDMX: counts as a part in additive groups.</summary>
    public const string Unknown = "_U";

    /// <summary>The not-applicable code of SDMX.</summary>
    public const string NotApplicable = "_Z";

    /// <summary>True when <paramref name="code"/> is one of the list's codes (exact, case-sensitive).</summary>
    public bool Contains(string code) => Items.Any(i => i.Code == code);
}
