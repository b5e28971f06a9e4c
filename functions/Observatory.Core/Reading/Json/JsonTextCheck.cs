using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Observatory.Core.Problems;

namespace Observatory.Core.Reading.Json;

/// <summary>
/// Checks a parsed JSON return against the <see cref="ReturnLimits"/> before anything is read from it: every string
/// and property name valid UTF-8 (the parser leaves that to the moment a string is read, when it throws), strings no
/// longer than a cell, names no longer than <see cref="ReturnLimits.MaxJsonPropertyNameChars"/>, objects with at
/// most <see cref="ReturnLimits.MaxJsonProperties"/> properties, at most <see cref="ReturnLimits.MaxRows"/>
/// observations. Each problem is placed as the reader places the observation's others: "observations", its row, the
/// property's path. Reads the raw bytes: nothing is decoded but strings holding escapes.
/// </summary>
internal static class JsonTextCheck
{
    public static List<Problem> Run(JsonElement root, string documentName, ReturnLimits limits)
    {
        var check = new Check(limits);
        if (root.ValueKind == JsonValueKind.Array)
        {
            check.Observations(root);
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            if (check.Properties(root, documentName, null, string.Empty))
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (!check.Name(property, documentName, null, string.Empty)) continue;
                    if (property.NameEquals("observations") || string.Equals(property.Name, "observations", StringComparison.OrdinalIgnoreCase))
                    {
                        if (property.Value.ValueKind == JsonValueKind.Array) check.Observations(property.Value);
                    }
                    else
                    {
                        check.Value(property.Value, documentName, null, property.Name);
                    }
                }
            }
        }
        return check.Problems;
    }

    private sealed class Check(ReturnLimits limits)
    {
        public List<Problem> Problems { get; } = [];

        private bool Full => Problems.Count >= limits.MaxDetailedProblems;

        public void Observations(JsonElement array)
        {
            var row = 0;
            foreach (var observation in array.EnumerateArray())
            {
                if (Full) return;
                if (++row > limits.MaxRows)
                {
                    Problems.Add(LimitProblems.RowBeyondLimit(JsonReturn.ObservationsSheet, row, limits.MaxRows));
                    return;
                }
                Value(observation, JsonReturn.ObservationsSheet, row, string.Empty);
            }
        }

        public void Value(JsonElement element, string sheet, int? row, string path)
        {
            if (Full) return;
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    Text(element, sheet, row, path);
                    break;
                case JsonValueKind.Object:
                    if (!Properties(element, sheet, row, path)) return;
                    foreach (var property in element.EnumerateObject())
                    {
                        if (Name(property, sheet, row, path))
                            Value(property.Value, sheet, row, path.Length == 0 ? property.Name : path + "." + property.Name);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Value(item, sheet, row, path);
                    break;
            }
        }

        public bool Properties(JsonElement element, string sheet, int? row, string path)
        {
            var count = 0;
            foreach (var _ in element.EnumerateObject())
            {
                if (++count > limits.MaxJsonProperties)
                {
                    Problems.Add(LimitProblems.JsonTooManyProperties(sheet, row, path, limits.MaxJsonProperties));
                    return false;
                }
            }
            return true;
        }

        public bool Name(JsonProperty property, string sheet, int? row, string path)
        {
            var raw = Unquoted(JsonMarshal.GetRawUtf8PropertyName(property));
            var length = Length(raw, () => property.Name);
            if (length is null)
            {
                Problems.Add(LimitProblems.InvalidText(sheet, row, path.Length == 0 ? null : path));
                return false;
            }
            if (length > limits.MaxJsonPropertyNameChars)
            {
                Problems.Add(LimitProblems.JsonNameTooLong(sheet, row, path.Length == 0 ? sheet : path, limits.MaxJsonPropertyNameChars));
                return false;
            }
            return true;
        }

        private void Text(JsonElement element, string sheet, int? row, string path)
        {
            var raw = Unquoted(JsonMarshal.GetRawUtf8Value(element));
            var length = Length(raw, element.GetString);
            if (length is null)
                Problems.Add(LimitProblems.InvalidText(sheet, row, path.Length == 0 ? null : path));
            else if (length > limits.MaxCellChars)
                Problems.Add(LimitProblems.CellTooLong(sheet, row, path, limits.MaxCellChars));
        }

        /// <summary>The length in characters of a raw JSON string, or null when it is not valid text.</summary>
        private static long? Length(ReadOnlySpan<byte> raw, Func<string?> decode)
        {
            if (!Utf8.IsValid(raw)) return null;
            // Escapes may stand for a lone surrogate (\uD800), which only decoding tells; few strings have any.
            if (raw.Contains((byte)'\\'))
            {
                try
                {
                    return decode()?.Length ?? 0;
                }
                catch (InvalidOperationException)
                {
                    return null;
                }
            }
            return Encoding.UTF8.GetCharCount(raw);
        }

        private static ReadOnlySpan<byte> Unquoted(ReadOnlySpan<byte> raw) =>
            raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;
    }
}
