namespace Observatory.Core.ReferenceData.Loading;

/// <summary>Reads an indicator catalog document (catalog.v&lt;N&gt;.json).</summary>
internal static class CatalogReader
{
    /// <summary>Reads and checks the catalog in <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ReferenceDataException">The document is malformed or inconsistent.</exception>
    public static IndicatorCatalog Read(Stream json, string source) =>
        DocumentReader.Read(json, source, ReferenceDataJsonContext.Default.CatalogDocument, ToModel);

    private static IndicatorCatalog ToModel(CatalogDocument document) => new(
        document.Version,
        [.. document.Indicators.Select(ToIndicator)],
        [.. document.CodeLists.Select(ToCodeList)],
        [.. document.Columns.Select(c => new ColumnAliases(c.Column, c.Label.ToModel(), c.Aliases.ToModel()))])
    {
        MetadataVersion = document.MetadataVersion ?? document.Version,
    };

    private static Indicator ToIndicator(IndicatorDocument i) => new(
        i.Code,
        i.Label.ToModel(),
        i.Description.ToModel(),
        i.Unit,
        i.Dimensions,
        i.Protected,
        i.Derived,
        i.Aliases.ToModel().All)
    {
        Metadata = i.Metadata is { } m
            ? new IndicatorMetadata(m.Definition.ToModel(), m.SourceAgencyType.ToModel(), m.Methodology.ToModel(), m.Comparability.ToModel())
            : null,
    };

    private static CodeList ToCodeList(CodeListDocument list)
    {
        var isDimension = list.Kind switch
        {
            CodeListDocument.DimensionKind => true,
            CodeListDocument.ValueListKind => false,
            _ => throw new ReferenceDataException(
                $"code list {list.Id}: kind \"{list.Kind}\" is neither \"{CodeListDocument.DimensionKind}\" nor \"{CodeListDocument.ValueListKind}\"."),
        };
        return new CodeList(
            list.Id,
            list.Label.ToModel(),
            isDimension,
            [.. list.Codes.Select(c => new CodeItem(c.Code, c.Label.ToModel(), c.Aliases.ToModel().All))]);
    }
}
