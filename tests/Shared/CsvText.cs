using System.Text;

namespace Observatory.Tests.Shared;

/// <summary>A strict RFC 4180 reader for the tests, independent of the writers under test: published CSV files are read with it to check them.</summary>
internal static class CsvText
{
    /// <summary>The rows of a CSV file (header first); the byte-order mark is skipped, lines must end with CRLF.</summary>
    public static List<string[]> Parse(byte[] bytes)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        if (text.StartsWith('\uFEFF'))
            text = text[1..];
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else if (c == '\n') throw new FormatException($"A bare LF at character {i}: lines must end with CRLF.");
            else field.Append(c);
        }
        if (row.Count > 0 || field.Length > 0)
            throw new FormatException("The last line does not end with CRLF.");
        return rows;
    }

    /// <summary>The rows as dictionaries by header.</summary>
    public static List<Dictionary<string, string>> Records(byte[] bytes)
    {
        var rows = Parse(bytes);
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2))];
    }
}
