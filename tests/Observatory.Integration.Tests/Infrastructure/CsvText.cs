using System.Text;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>Reads a published CSV (RFC 4180 quoting) into rows of named cells, to check a snapshot independently of its writer.</summary>
public static class CsvText
{
    /// <summary>The data rows, each a dictionary from header to cell.</summary>
    public static List<Dictionary<string, string>> Read(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { record.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); records.Add(record); record = []; }
            else cell.Append(c);
        }
        if (cell.Length > 0 || record.Count > 0) { record.Add(cell.ToString()); records.Add(record); }
        var header = records[0];
        return records.Skip(1).Select(r => header.Select((name, index) => (name, value: index < r.Count ? r[index] : "")).ToDictionary(p => p.name, p => p.value)).ToList();
    }
}
