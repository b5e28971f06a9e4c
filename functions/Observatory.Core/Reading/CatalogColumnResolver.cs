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
    /// The language whose preferred label of <paramref name="column"/> matches <paramref name="header"/> (case,
    /// accents and punctuation aside); null when the header is the column's code (SEX, INDICATOR, written as the code
    /// or in capitals), an alias, or a label shared by several languages (Indicador is Spanish and Portuguese).
    /// </summary>
    public static Language? Of(ColumnAliases column, string header)
    {
        var trimmed = header.Trim();
        if (trimmed == column.Column || trimmed == column.Column.ToUpperInvariant())
            return null;
        var key = TextKey.Fold(trimmed);
        Language? match = null;
        foreach (var language in LanguageCodes.All)
        {
            if (TextKey.Fold(column.Labels[language]) != key)
                continue;
            if (match is not null)
                return null;
            match = language;
        }
        return match;
    }
}
