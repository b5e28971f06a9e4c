namespace Observatory.Core.ReferenceData;

/// <summary>
/// The indicator catalog of one version: indicators, code lists (dimensions and value lists) and the
/// column headers a return may use. Resolves what people write (codes or labels in any of the four
/// languages, any case, with or without accents) to the catalog's codes.
/// </summary>
public sealed class IndicatorCatalog
{
    /// <summary>Creates a catalog from its parts; see <see cref="ReferenceDataSet.Load"/> for the shipped one.</summary>
    public IndicatorCatalog(string version, IReadOnlyList<Indicator> indicators, IReadOnlyList<CodeList> codeLists, IReadOnlyList<ColumnAliases> columns)
    {
        Version = version;
        Indicators = indicators;
        CodeLists = codeLists;
        Columns = columns;
    }

    /// <summary>The catalog version ("1").</summary>
    public string Version { get; }

    /// <summary>Every indicator, submitted and derived, in catalog order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Every code list: the dimensions, then the value lists.</summary>
    public IReadOnlyList<CodeList> CodeLists { get; }

    /// <summary>The known columns of a return with their header aliases.</summary>
    public IReadOnlyList<ColumnAliases> Columns { get; }

    /// <summary>The indicator with exactly this code, or null.</summary>
    public Indicator? FindIndicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>The code list with this id (SEX, TREATY_STATUS, …); throws for an unknown id.</summary>
    public CodeList GetCodeList(string id) =>
        CodeLists.FirstOrDefault(l => l.Id == id) ?? throw new KeyNotFoundException($"No code list has the id '{id}'.");

    /// <summary>Resolves an indicator written as its code or as a label or alias in any language.</summary>
    public bool TryResolveIndicator(string? text, out Indicator indicator)
    {
        var key = Text.TextKey.Fold(text);
        indicator = Indicators.FirstOrDefault(i => i.Code == text?.Trim())
            ?? Indicators.FirstOrDefault(i => key.Length > 0 &&
                (Text.TextKey.Fold(i.Code) == key || i.Labels.All.Concat(i.Aliases).Any(l => Text.TextKey.Fold(l) == key)))!;
        return indicator is not null;
    }

    /// <summary>Resolves a value of code list <paramref name="listId"/> written as a code, label or alias in any language.</summary>
    public bool TryResolveCode(string listId, string? text, out string code)
    {
        var list = GetCodeList(listId);
        var key = Text.TextKey.Fold(text);
        var item = list.Items.FirstOrDefault(i => i.Code == text?.Trim())
            ?? list.Items.FirstOrDefault(i => key.Length > 0 &&
                (Text.TextKey.Fold(i.Code) == key || i.Labels.All.Concat(i.Aliases).Any(l => Text.TextKey.Fold(l) == key)));
        code = item?.Code!;
        return item is not null;
    }

    /// <summary>Resolves a column header to a <see cref="ReturnColumn"/> constant or a dimension id.</summary>
    public bool TryResolveColumn(string? header, out string column) => throw new NotImplementedException();
}
