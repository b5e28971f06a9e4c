namespace Observatory.Core.Snapshots;

/// <summary>A column of a published table as its Table Schema describes it.</summary>
/// <param name="Name">The column header.</param>
/// <param name="Type">The Table Schema type: string, integer, number, boolean, datetime or list.</param>
/// <param name="Description">What the column holds, for the data dictionary.</param>
internal sealed record TableField(string Name, string Type, string Description)
{
    /// <summary>The values the column may hold, with an English label each; null when open.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Categories { get; init; }

    /// <summary>True when every row has a value.</summary>
    public bool Required { get; init; }

    /// <summary>For a blank cell of this column, what it means; null to use the table's default (blank is missing).</summary>
    public string? BlankMeans { get; init; }

    /// <summary>For a list column, the separator of its items.</summary>
    public string? ListDelimiter { get; init; }
}
