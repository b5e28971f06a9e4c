namespace Observatory.Storage;

/// <summary>Table keys: range filters, partitions, and ids made safe as keys.</summary>
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

    /// <summary>An id as a table key: the characters keys may not hold (/ \ # ?) replaced by '_'.</summary>
    public static string Safe(string id) => id.Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');

    /// <summary>The partition of a state and year: "MEX-2025".</summary>
    public static string StateYear(string country, int year) => $"{country}-{year}";
}
