namespace Observatory.Core.Reading;

/// <summary>Recognises a return's format from its first bytes, its content type and its name.</summary>
internal static class FormatDetector
{
    private static ReadOnlySpan<byte> Zip => "PK\u0003\u0004"u8;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The compound-file signature of Excel 97–2003 workbooks (.xls) and other legacy Office files.</summary>
    public static ReadOnlySpan<byte> LegacyOffice => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static ReadOnlySpan<byte> Pdf => "%PDF"u8;

    public static ReturnFormat? Detect(string? contentType, string? fileName, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Zip))
            return ReturnFormat.Xlsx;
        // Binary formats people send by mistake are recognised as such, whatever the name or content type claims.
        if (head.StartsWith(LegacyOffice) || head.StartsWith(Pdf))
            return null;
        if (StartsLikeJson(head))
            return ReturnFormat.Json;
        return FromContentType(contentType) ?? FromExtension(fileName);
    }

    private static bool StartsLikeJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
            head = head[Utf8Bom.Length..];
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }

    private static ReturnFormat? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return null;
        var mediaType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ReturnFormat.Xlsx,
            "text/csv" or "application/csv" or "text/x-csv" or "application/x-csv" or "text/comma-separated-values"
                or "text/tab-separated-values" => ReturnFormat.Csv,
            "application/json" or "text/json" => ReturnFormat.Json,
            _ when mediaType.EndsWith("+json", StringComparison.Ordinal) => ReturnFormat.Json,
            _ => null,
        };
    }

    private static ReturnFormat? FromExtension(string? fileName) =>
        Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => ReturnFormat.Xlsx,
            ".csv" or ".tsv" or ".txt" => ReturnFormat.Csv,
            ".json" => ReturnFormat.Json,
            _ => null,
        };
}
