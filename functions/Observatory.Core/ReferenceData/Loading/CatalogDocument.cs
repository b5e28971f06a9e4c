namespace Observatory.Core.ReferenceData.Loading;

/// <summary>The shape of catalog.v&lt;N&gt;.json; see ReferenceData/Data/README.md.</summary>
internal sealed class CatalogDocument
{
    public required string Version { get; init; }

    /// <summary>The edition of the indicators' metadata (definitions, sources, methodology, comparability).</summary>
    public string? MetadataVersion { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<IndicatorDocument> Indicators { get; init; }
    public required IReadOnlyList<CodeListDocument> CodeLists { get; init; }
    public required IReadOnlyList<ColumnDocument> Columns { get; init; }
}

/// <summary>One indicator of the catalog document.</summary>
internal sealed class IndicatorDocument
{
    public required string Code { get; init; }
    public required LocalizedTextDocument Label { get; init; }
    public required LocalizedTextDocument Description { get; init; }
    public required string Unit { get; init; }
    public required IReadOnlyList<string> Dimensions { get; init; }
    public required bool Protected { get; init; }
    public bool Derived { get; init; }

    /// <summary>Definition, source agency type, methodology and comparability, in the four languages.</summary>
    public IndicatorMetadataDocument? Metadata { get; init; }
    public AliasesDocument Aliases { get; set; } = new();
    public string? Note { get; init; }
}

/// <summary>One code list of the catalog document; <see cref="Kind"/> is "dimension" or "valueList".</summary>
internal sealed class CodeListDocument
{
    public const string DimensionKind = "dimension";
    public const string ValueListKind = "valueList";

    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required LocalizedTextDocument Label { get; init; }
    public required IReadOnlyList<CodeDocument> Codes { get; init; }
    public string? Note { get; init; }
}

/// <summary>One code of a code list.</summary>
internal sealed class CodeDocument
{
    public required string Code { get; init; }
    public required LocalizedTextDocument Label { get; init; }
    public AliasesDocument Aliases { get; set; } = new();
    public string? Note { get; init; }
}

/// <summary>One column a return may have, with the headers that name it.</summary>
internal sealed class ColumnDocument
{
    public required string Column { get; init; }
    public required LocalizedTextDocument Label { get; init; }
    public AliasesDocument Aliases { get; set; } = new();
    public string? Note { get; init; }
}

/// <summary>The metadata of an indicator as the catalog document writes it.</summary>
internal sealed class IndicatorMetadataDocument
{
    public required LocalizedTextDocument Definition { get; init; }
    public required LocalizedTextDocument SourceAgencyType { get; init; }
    public required LocalizedTextDocument Methodology { get; init; }
    public required LocalizedTextDocument Comparability { get; init; }
}
