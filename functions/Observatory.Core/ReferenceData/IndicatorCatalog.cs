using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData.Checks;
using Observatory.Core.ReferenceData.Lookup;

namespace Observatory.Core.ReferenceData;

/// <summary>
/// The indicator catalog of one version: indicators, code lists (dimensions and value lists) and the
/// column headers a return may use. Resolves what people write (codes or labels in any of the four
/// languages, any case, with or without accents) to the catalog's codes.
/// </summary>
/// <remarks>
/// Resolution tries the text as written (case-insensitive) and then its <see cref="Text.TextKey.Fold"/> key,
/// against the codes, labels and aliases of the one list asked for. Codes fold too: "_T", "-t" and "T"
/// all read as the total, "_U" and "U" as unknown, which is deliberate (T and U are the Eurostat codes).
/// The catalog refuses, when it is built, any name that would resolve to two codes of one list or to two
/// columns, so a lookup never has to choose. Lookups allocate nothing: they run for every cell of a return.
/// </remarks>
public sealed class IndicatorCatalog
{
    private readonly FrozenDictionary<string, Indicator> _indicatorsByCode;
    private readonly FrozenDictionary<string, CodeList> _codeListsById;
    private readonly FrozenDictionary<string, ColumnAliases> _columnsById;
    private readonly FrozenDictionary<string, ColumnAliases>.AlternateLookup<ReadOnlySpan<char>> _columnIds;
    private readonly FrozenDictionary<string, AliasIndex> _codeIndexes;
    private readonly AliasIndex _indicatorIndex;
    private readonly AliasIndex _columnIndex;

    /// <summary>Creates a catalog from its parts; see <see cref="ReferenceDataSet.Load()"/> for the shipped one.</summary>
    /// <exception cref="ReferenceDataException">
    /// The parts are inconsistent: a duplicate code, a label missing in one of the four languages, an unknown
    /// unit or dimension, a dimension without a column, or an alias that resolves to two codes of one list or
    /// to two columns. The message names the culprit.
    /// </exception>
    public IndicatorCatalog(string version, IReadOnlyList<Indicator> indicators, IReadOnlyList<CodeList> codeLists, IReadOnlyList<ColumnAliases> columns)
    {
        CatalogChecks.Check(version, indicators, codeLists, columns);
        Version = version;
        Indicators = indicators;
        CodeLists = codeLists;
        Columns = columns;

        _indicatorsByCode = indicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
        _codeListsById = codeLists.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
        _columnsById = columns.ToFrozenDictionary(c => c.Column, StringComparer.Ordinal);
        _columnIds = _columnsById.GetAlternateLookup<ReadOnlySpan<char>>();
        _codeIndexes = codeLists.ToFrozenDictionary(l => l.Id, BuildCodeIndex, StringComparer.Ordinal);
        _indicatorIndex = BuildIndicatorIndex(indicators);
        _columnIndex = BuildColumnIndex(columns, _codeListsById);
    }

    /// <summary>The catalog version ("1").</summary>
    public string Version { get; }

    /// <summary>
    /// The edition of the indicators' metadata ("1.1": version 1 of the codes, extended with definitions, sources,
    /// methodology and comparability notes); the catalog version when the catalog gives none.
    /// </summary>
    public string MetadataVersion { get => _metadataVersion ?? Version; init => _metadataVersion = value; }

    private readonly string? _metadataVersion;

    /// <summary>Every indicator, submitted and derived, in catalog order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Every code list: the dimensions, then the value lists.</summary>
    public IReadOnlyList<CodeList> CodeLists { get; }

    /// <summary>The known columns of a return with their header aliases.</summary>
    public IReadOnlyList<ColumnAliases> Columns { get; }

    /// <summary>The indicator with exactly this code, or null.</summary>
    public Indicator? FindIndicator(string code) => _indicatorsByCode.GetValueOrDefault(code);

    /// <summary>The code list with this id (SEX, TREATY_STATUS, …); throws for an unknown id.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no such list.</exception>
    public CodeList GetCodeList(string id) =>
        _codeListsById.TryGetValue(id, out var list)
            ? list
            : throw new KeyNotFoundException($"The catalog has no code list \"{id}\".");

    /// <summary>The column entry of <paramref name="column"/> (a <see cref="ReturnColumn"/> constant or a dimension id), or null.</summary>
    public ColumnAliases? FindColumn(string column) => _columnsById.GetValueOrDefault(column);

    /// <summary>
    /// Resolves an indicator written as its code or as a label or alias in any language. Derived
    /// indicators resolve too; it is for the caller to refuse them in a return.
    /// </summary>
    public bool TryResolveIndicator(string? text, [MaybeNullWhen(false)] out Indicator indicator)
    {
        if (_indicatorIndex.TryFind(text, out var match))
        {
            indicator = _indicatorsByCode[match.Target];
            return true;
        }
        indicator = null;
        return false;
    }

    /// <summary>
    /// Resolves a value of code list <paramref name="listId"/> written as a code, label or alias in any
    /// language. A blank text resolves to nothing: whether a blank means the total is the caller's rule.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The catalog has no list <paramref name="listId"/>.</exception>
    public bool TryResolveCode(string listId, string? text, [MaybeNullWhen(false)] out string code)
    {
        if (!_codeIndexes.TryGetValue(listId, out var index))
            throw new KeyNotFoundException($"The catalog has no code list \"{listId}\".");
        if (index.TryFind(text, out var match))
        {
            code = match.Target;
            return true;
        }
        code = null;
        return false;
    }

    /// <summary>Resolves a column header to a <see cref="ReturnColumn"/> constant or a dimension id.</summary>
    public bool TryResolveColumn(string? header, [MaybeNullWhen(false)] out string column)
    {
        var found = TryMatchColumn(header, out var match);
        column = found ? match.Column : null;
        return found;
    }

    /// <summary>
    /// Resolves a column header and tells the language it is written in: the one language whose label or
    /// alias it is ("Edad" is Spanish, "Âge" French, "Age" English), or null when the header is
    /// language-neutral (the column id itself as the catalog writes it, <c>SEX</c>, or a code such as
    /// <c>OBS_VALUE</c>) or shared by several languages ("Sexo", "Note"); see <see cref="TryMatchColumn"/>
    /// for the candidates then.
    /// </summary>
    public bool TryResolveColumn(string? header, [MaybeNullWhen(false)] out string column, out Language? language)
    {
        var found = TryMatchColumn(header, out var match);
        column = found ? match.Column : null;
        language = found ? match.Language : null;
        return found;
    }

    /// <summary>
    /// Resolves a column header with every language that writes it so. The language is judged on the
    /// header as written (case aside) when that is a known spelling, else on its folded form: "Âge" is
    /// French only, while "AGE" is neutral and "age" is English (the spelling of the English label).
    /// </summary>
    public bool TryMatchColumn(string? header, out ColumnMatch match)
    {
        var text = header.AsSpan().Trim();
        if (_columnIds.TryGetValue(text, out var byId))
        {
            match = new ColumnMatch(byId.Column, []);
            return true;
        }
        if (_columnIndex.TryFind(text, out var found))
        {
            match = new ColumnMatch(found.Target, found.Languages);
            return true;
        }
        match = default;
        return false;
    }

    private static AliasIndex BuildCodeIndex(CodeList list)
    {
        var builder = new AliasIndexBuilder($"code list {list.Id}");
        foreach (var item in list.Items)
        {
            builder.Add(item.Code, item.Code, null)
                .AddLabels(item.Labels, item.Code)
                .AddNeutral(item.Aliases, item.Code);
        }
        return builder.Build();
    }

    private static AliasIndex BuildIndicatorIndex(IReadOnlyList<Indicator> indicators)
    {
        var builder = new AliasIndexBuilder("the indicators");
        foreach (var indicator in indicators)
        {
            builder.Add(indicator.Code, indicator.Code, null)
                .AddLabels(indicator.Labels, indicator.Code)
                .AddNeutral(indicator.Aliases, indicator.Code);
        }
        return builder.Build();
    }

    private static AliasIndex BuildColumnIndex(IReadOnlyList<ColumnAliases> columns, FrozenDictionary<string, CodeList> lists)
    {
        var builder = new AliasIndexBuilder("the columns");
        foreach (var column in columns)
        {
            builder.Add(column.Column, column.Column, null)
                .AddLabels(column.Labels, column.Column)
                .AddAliases(column.ByLanguage, column.Column);
            // A dimension's own name is a header too ("Age group" for AGE).
            if (lists.TryGetValue(column.Column, out var list))
                builder.AddLabels(list.Labels, column.Column);
        }
        return builder.Build();
    }
}
