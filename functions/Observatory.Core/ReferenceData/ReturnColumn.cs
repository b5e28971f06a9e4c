namespace Observatory.Core.ReferenceData;

/// <summary>
/// The columns a return may have. Dimension columns are named by their dimension id (SEX, AGE, …);
/// the others by these constants. Headers in a file are matched to them through <see cref="ColumnAliases"/>.
/// </summary>
public static class ReturnColumn
{
    /// <summary>The indicator code or label (required).</summary>
    public const string Indicator = "indicator";
    /// <summary>The value (required).</summary>
    public const string Value = "value";
    /// <summary>A free-text note (optional).</summary>
    public const string Note = "note";
    /// <summary>The reporting state, when the file states it in a column (optional).</summary>
    public const string Country = "country";
    /// <summary>The reporting year, when the file states it in a column (optional).</summary>
    public const string Year = "year";
    /// <summary>A flag such as estimated or provisional (optional).</summary>
    public const string Flag = "flag";
    /// <summary>The unit as the focal point wrote it; informative only, the catalog decides (optional).</summary>
    public const string Unit = "unit";
    /// <summary>
    /// The state's accepted value of the year before, which templates show beside the value to fill in; informative
    /// only, never read as data (optional).
    /// </summary>
    public const string Previous = "previous";

    /// <summary>Every constant above, in the order a template lays the columns out (dimensions go between unit and previous).</summary>
    public static IReadOnlyList<string> All { get; } = [Country, Year, Indicator, Unit, Previous, Value, Flag, Note];
}

/// <summary>A known column with the header labels that name it in any language.</summary>
/// <param name="Column">A <see cref="ReturnColumn"/> constant or a dimension id.</param>
/// <param name="Labels">The preferred header in the four languages (used in templates and reports).</param>
/// <param name="Aliases">Every other header that names it (Nationality, Nacionalidad, Citoyenneté, …).</param>
public sealed record ColumnAliases(string Column, LocalizedText Labels, IReadOnlyList<string> Aliases)
{
    /// <summary>Creates the entry from aliases sorted by language; <see cref="Aliases"/> is then all of them.</summary>
    /// <param name="column">A <see cref="ReturnColumn"/> constant or a dimension id.</param>
    /// <param name="labels">The preferred header in the four languages.</param>
    /// <param name="aliases">Every other header that names it, by the language it is written in.</param>
    public ColumnAliases(string column, LocalizedText labels, LocalizedAliases aliases)
        : this(column, labels, aliases.All) => ByLanguage = aliases;

    /// <summary>
    /// <see cref="Aliases"/> by the language they are written in; all language-neutral when the entry was
    /// created from a plain list.
    /// </summary>
    public LocalizedAliases ByLanguage { get; private init; } = LocalizedAliases.LanguageNeutral(Aliases);
}
