using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Text;

namespace Observatory.Core.Reading;

/// <summary>
/// Resolves headers through the catalog's column aliases (<see cref="IndicatorCatalog.TryResolveColumn(string?, out string)"/>).
/// The language of a header is the one whose preferred label it matches, when exactly one does; aliases and codes
/// carry no language.
/// </summary>
public sealed class CatalogColumnResolver : IColumnResolver
{
    private readonly IndicatorCatalog _catalog;
    private readonly Dictionary<string, ColumnAliases> _columns = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog whose column aliases name the known columns.</param>
    public CatalogColumnResolver(IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        foreach (var column in catalog.Columns)
            _columns.TryAdd(column.Column, column);
    }

    /// <inheritdoc />
    public bool TryResolve(string header, out string column, out Language? language)
    {
        language = null;
        if (!_catalog.TryResolveColumn(header, out column))
            return false;
        if (_columns.TryGetValue(column, out var aliases))
            language = HeaderLanguage.Of(aliases, header);
        return true;
    }
}

/// <summary>The language a column header is written in.</summary>
internal static class HeaderLanguage
{
    /// <summary>
    /// The language whose preferred label of <paramref name="column"/> is <paramref name="header"/>: compared first
    /// with accents (so "Âge" is French and "Age" English), then without them (so "Nacionalidad" typed without its
    /// accent still counts). Null when the header is the column's code (SEX, or INDICATOR in capitals), an alias, or
    /// a label several languages share (Indicador is Spanish and Portuguese).
    /// </summary>
    public static Language? Of(ColumnAliases column, string header)
    {
        var trimmed = header.Trim();
        if (trimmed == column.Column || trimmed == column.Column.ToUpperInvariant())
            return null;
        var exact = LanguagesWhose(column.Labels, label => string.Equals(label.Trim(), trimmed, StringComparison.OrdinalIgnoreCase));
        if (exact.Count > 0)
            return exact.Count == 1 ? exact[0] : null;
        var key = TextKey.Fold(trimmed);
        var folded = LanguagesWhose(column.Labels, label => TextKey.Fold(label) == key);
        return folded.Count == 1 ? folded[0] : null;
    }

    private static List<Language> LanguagesWhose(LocalizedText labels, Func<string, bool> matches) =>
        LanguageCodes.All.Where(language => matches(labels[language])).ToList();
}
