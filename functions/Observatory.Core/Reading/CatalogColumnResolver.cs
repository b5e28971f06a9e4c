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
        language = LanguageOfLabel(column, header);
        return true;
    }

    private Language? LanguageOfLabel(string column, string header)
    {
        if (!_columns.TryGetValue(column, out var aliases))
            return null;
        var key = TextKey.Fold(header);
        Language? match = null;
        foreach (var language in LanguageCodes.All)
        {
            if (TextKey.Fold(aliases.Labels[language]) != key)
                continue;
            // A label shared by two languages (Indicador, Valor) says nothing about which one the file uses.
            if (match is not null)
                return null;
            match = language;
        }
        return match;
    }
}
