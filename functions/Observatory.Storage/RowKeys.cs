namespace Observatory.Storage;

/// <summary>Row-key range filters.</summary>
internal static class RowKeys
{
    /// <summary>An OData filter for the rows of one partition whose row key starts with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string partitionKey, string prefix)
    {
        // Every key with the prefix sorts at or after the prefix and before the prefix with its last character raised by one.
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return $"PartitionKey eq '{Escape(partitionKey)}' and RowKey ge '{Escape(prefix)}' and RowKey lt '{Escape(upper)}'";
    }

    /// <summary>Escapes a literal for an OData filter.</summary>
    public static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>The partition of a state and year: "MEX-2025".</summary>
    public static string StateYear(string country, int year) => $"{country}-{year}";
}
