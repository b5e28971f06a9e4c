using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots;

/// <summary>
/// The catalog arranged for publishing: indicator positions, code positions within their lists, and the dimension
/// columns of the observations table. Built from the catalog's lists alone, so it does not depend on its lookups.
/// </summary>
internal sealed class CatalogIndex
{
    private readonly Dictionary<string, (int Position, Indicator Indicator)> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _codePositions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dimensionColumns = new(StringComparer.Ordinal);

    public CatalogIndex(IndicatorCatalog catalog)
    {
        Catalog = catalog;
        for (var i = 0; i < catalog.Indicators.Count; i++)
            _indicators.TryAdd(catalog.Indicators[i].Code, (i, catalog.Indicators[i]));
        foreach (var list in catalog.CodeLists)
        {
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Items.Count; i++)
                positions.TryAdd(list.Items[i].Code, i);
            _codePositions.TryAdd(list.Id, positions);
        }
        Dimensions = [.. catalog.CodeLists.Where(l => l.IsDimension)];
        for (var i = 0; i < Dimensions.Count; i++)
            _dimensionColumns[Dimensions[i].Id] = i;
        ValueLists = [.. catalog.CodeLists.Where(l => !l.IsDimension && catalog.Indicators.Any(x => x.ValueList == l.Id))];
    }

    public IndicatorCatalog Catalog { get; }

    /// <summary>The dimensions, in catalog order: one column each in the observations table.</summary>
    public IReadOnlyList<CodeList> Dimensions { get; }

    /// <summary>The value lists that coded indicators use (TREATY_STATUS, YES_NO).</summary>
    public IReadOnlyList<CodeList> ValueLists { get; }

    /// <summary>The indicator with this code and its position in the catalog, or false.</summary>
    public bool TryGetIndicator(string code, out Indicator indicator, out int position)
    {
        if (_indicators.TryGetValue(code, out var found))
        {
            (position, indicator) = found;
            return true;
        }
        (position, indicator) = (-1, null!);
        return false;
    }

    /// <summary>The column of a dimension in the observations table, or -1 for an id that is not a dimension.</summary>
    public int DimensionColumn(string dimensionId) => _dimensionColumns.GetValueOrDefault(dimensionId, -1);

    /// <summary>
    /// The position of <paramref name="code"/> in list <paramref name="listId"/>; codes the list lacks sort after
    /// every listed code (and among themselves by ordinal comparison, see <see cref="CompareCodes"/>).
    /// </summary>
    public int CodePosition(string listId, string code) =>
        _codePositions.TryGetValue(listId, out var positions) && positions.TryGetValue(code, out var position) ? position : int.MaxValue;

    /// <summary>Orders two codes of one list as the list does.</summary>
    public int CompareCodes(string listId, string a, string b)
    {
        var byPosition = CodePosition(listId, a).CompareTo(CodePosition(listId, b));
        return byPosition != 0 ? byPosition : string.CompareOrdinal(a, b);
    }
}
