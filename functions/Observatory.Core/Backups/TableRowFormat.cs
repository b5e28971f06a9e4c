using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Observatory.Core.Backups;

/// <summary>
/// One table entity per line of JSON, in the table service's own JSON format (OData "minimal metadata"):
/// <c>{"PartitionKey":"…","RowKey":"…","Name":"text","Count":5,"Total":"12","Total@odata.type":"Edm.Int64"}</c>.
/// Strings, booleans and 32-bit integers are plain JSON; every other type carries its "@odata.type", so a restore
/// writes each property back with the type it had (a double 5.0 stays a double, a 64-bit integer stays one).
/// </summary>
public static class TableRowFormat
{
    private const string TypeSuffix = "@odata.type";
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>Writes <paramref name="row"/> as one line (ending in '\n') to <paramref name="output"/>.</summary>
    public static void WriteLine(TableRow row, IBufferWriter<byte> output)
    {
        using (var json = new Utf8JsonWriter(output, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("PartitionKey", row.PartitionKey);
            json.WriteString("RowKey", row.RowKey);
            foreach (var (name, value) in row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                WriteProperty(json, name, value);
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    /// <summary>Reads one line written by <see cref="WriteLine"/>.</summary>
    /// <exception cref="FormatException">The line is not an entity in this format.</exception>
    public static TableRow ReadLine(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a JSON entity: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("An entity line must be a JSON object.");
            var types = root.EnumerateObject()
                .Where(p => p.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
                .ToDictionary(p => p.Name[..^TypeSuffix.Length], p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            string? partitionKey = null, rowKey = null;
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal)) continue;
                switch (property.Name)
                {
                    case "PartitionKey": partitionKey = property.Value.GetString(); break;
                    case "RowKey": rowKey = property.Value.GetString(); break;
                    default: properties[property.Name] = ReadValue(property.Name, property.Value, types.GetValueOrDefault(property.Name)); break;
                }
            }
            if (partitionKey is null || rowKey is null)
                throw new FormatException("An entity line must have a PartitionKey and a RowKey.");
            return new TableRow(partitionKey, rowKey, properties);
        }
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: return; // the table service stores no nulls
            case string text: json.WriteString(name, text); return;
            case bool flag: json.WriteBoolean(name, flag); return;
            case int number: json.WriteNumber(name, number); return;
            case long number:
                json.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                json.WriteString(name + TypeSuffix, "Edm.Int64");
                return;
            case double number:
                if (double.IsFinite(number)) json.WriteNumber(name, number);
                else json.WriteString(name, number.ToString(CultureInfo.InvariantCulture)); // "NaN", "Infinity", "-Infinity"
                json.WriteString(name + TypeSuffix, "Edm.Double");
                return;
            case DateTimeOffset time:
                json.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                json.WriteString(name + TypeSuffix, "Edm.DateTime");
                return;
            case Guid guid:
                json.WriteString(name, guid.ToString("D"));
                json.WriteString(name + TypeSuffix, "Edm.Guid");
                return;
            case byte[] bytes:
                json.WriteBase64String(name, bytes);
                json.WriteString(name + TypeSuffix, "Edm.Binary");
                return;
            default:
                throw new ArgumentException($"Property '{name}' has a type the table service does not store: {value.GetType().Name}.", nameof(value));
        }
    }

    private static object? ReadValue(string name, JsonElement value, string? type)
    {
        try
        {
            return type switch
            {
                null => value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
                    JsonValueKind.Number => value.GetInt32(),
                    _ => throw new FormatException($"Property '{name}' has an untyped {value.ValueKind} value."),
                },
                "Edm.String" => value.GetString(),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.Int32" => value.GetInt32(),
                "Edm.Int64" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Edm.Double" => value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : value.GetDouble(),
                "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Binary" => value.GetBytesFromBase64(),
                _ => throw new FormatException($"Property '{name}' has the unknown type '{type}'."),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentNullException)
        {
            throw new FormatException($"Property '{name}' cannot be read as {type ?? "a plain JSON value"}: {ex.Message}", ex);
        }
    }
}
