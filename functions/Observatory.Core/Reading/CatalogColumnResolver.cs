using System.Diagnostics.CodeAnalysis;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading;

/// <summary>
/// Resolves headers through the catalog's column aliases, with the language the matched label or alias is written
/// in (null for codes and for spellings several languages share).
/// </summary>
public sealed class CatalogColumnResolver : IColumnResolver
{
    private readonly IndicatorCatalog _catalog;

    /// <summary>Creates a resolver over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog whose column aliases name the known columns.</param>
    public CatalogColumnResolver(IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <inheritdoc />
    public bool TryResolve(string header, [MaybeNullWhen(false)] out string column, out Language? language) =>
        _catalog.TryResolveColumn(header, out column, out language);
}
