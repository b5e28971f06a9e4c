namespace Observatory.Core.ReferenceData.Checks;

/// <summary>
/// The consistency rules of an indicator catalog that the lookup tables do not already enforce: unique
/// codes, four labels everywhere, units and dimensions that exist, a column for every dimension.
/// </summary>
internal static class CatalogChecks
{
    /// <summary>Throws a <see cref="ReferenceDataException"/> naming the first entry that breaks a rule.</summary>
    public static void Check(string version, IReadOnlyList<Indicator> indicators, IReadOnlyList<CodeList> codeLists, IReadOnlyList<ColumnAliases> columns)
    {
        if (string.IsNullOrWhiteSpace(version))
            throw new ReferenceDataException("The catalog has no version.");
        var lists = CheckCodeLists(codeLists);
        CheckIndicators(indicators, lists);
        CheckColumns(columns, lists);
    }

    private static Dictionary<string, CodeList> CheckCodeLists(IReadOnlyList<CodeList> codeLists)
    {
        var lists = new Dictionary<string, CodeList>(StringComparer.Ordinal);
        foreach (var list in codeLists)
        {
            var owner = $"code list {list.Id}";
            DataChecks.RequireCode(list.Id, "code list id", "the code lists");
            if (!lists.TryAdd(list.Id, list))
                throw new ReferenceDataException($"the code lists: code list id \"{list.Id}\" appears twice.");
            DataChecks.RequireFourLabels(list.Labels, "label", owner);
            if (list.Items.Count == 0)
                throw new ReferenceDataException($"{owner}: has no codes.");
            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list.Items)
            {
                DataChecks.RequireCode(item.Code, "code", owner);
                DataChecks.RequireUnique(codes, item.Code, "code", owner);
                DataChecks.RequireFourLabels(item.Labels, "label", $"{owner}, code {item.Code}");
            }
            // A blank dimension cell means the total, so every dimension must have one.
            if (list.IsDimension && !list.Contains(CodeList.Total))
                throw new ReferenceDataException($"{owner}: a dimension needs the total code {CodeList.Total}.");
        }
        return lists;
    }

    private static void CheckIndicators(IReadOnlyList<Indicator> indicators, Dictionary<string, CodeList> lists)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in indicators)
        {
            var owner = $"indicator {indicator.Code}";
            DataChecks.RequireCode(indicator.Code, "indicator code", "the indicators");
            DataChecks.RequireUnique(codes, indicator.Code, "indicator code", "the indicators");
            DataChecks.RequireFourLabels(indicator.Labels, "label", owner);
            DataChecks.RequireFourLabels(indicator.Descriptions, "description", owner);
            CheckUnit(indicator, lists, owner);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dimension in indicator.Dimensions)
            {
                if (!lists.TryGetValue(dimension, out var list) || !list.IsDimension)
                    throw new ReferenceDataException($"{owner}: dimension \"{dimension}\" is not a dimension code list of the catalog.");
                DataChecks.RequireUnique(seen, dimension, "dimension", owner);
            }
        }
    }

    private static void CheckUnit(Indicator indicator, Dictionary<string, CodeList> lists, string owner)
    {
        if (string.IsNullOrWhiteSpace(indicator.Unit))
            throw new ReferenceDataException($"{owner}: the unit is blank.");
        if (indicator.IsNumeric || indicator.Derived) return;
        // A submitted indicator is either counted or coded; the validator knows no third kind.
        if (indicator.ValueList is not { } listId)
            throw new ReferenceDataException($"{owner}: unit \"{indicator.Unit}\" is neither {IndicatorUnits.Number} nor a value list the validator knows.");
        if (!lists.TryGetValue(listId, out var list) || list.IsDimension)
            throw new ReferenceDataException($"{owner}: unit \"{indicator.Unit}\" needs the value list {listId}, which the catalog lacks.");
    }

    private static void CheckColumns(IReadOnlyList<ColumnAliases> columns, Dictionary<string, CodeList> lists)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var known = ReturnColumn.All.Contains(column.Column)
                || (lists.TryGetValue(column.Column, out var list) && list.IsDimension);
            if (!known)
                throw new ReferenceDataException($"the columns: \"{column.Column}\" is neither a return column ({string.Join(", ", ReturnColumn.All)}) nor a dimension id.");
            DataChecks.RequireUnique(seen, column.Column, "column", "the columns");
            DataChecks.RequireFourLabels(column.Labels, "label", $"column {column.Column}");
        }
        var missing = ReturnColumn.All
            .Concat(lists.Values.Where(l => l.IsDimension).Select(l => l.Id))
            .FirstOrDefault(id => !seen.Contains(id));
        if (missing is not null)
            throw new ReferenceDataException($"the columns: column \"{missing}\" has no entry, so no header could name it.");
    }
}
