using System.Text.Json;
using System.Text.RegularExpressions;
using Observatory.Core.Reading;

namespace Observatory.Core.Tests.Reading.Support;

/// <summary>The reading messages as shipped in the core assembly (ReferenceData/Data/messages.reading.json).</summary>
internal static partial class ReadingMessages
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All { get; } = Load();

    /// <summary>The highest placeholder index + 1 a template uses ({1} → 2).</summary>
    public static int ArgumentCount(string template) =>
        Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();

    /// <summary>The readers' messages: their own, and those of the limits a file may go past.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Load() =>
        new[] { "reading", "limits" }.SelectMany(LoadFile).ToDictionary(entry => entry.Key, entry => entry.Value);

    private static IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, string>>> LoadFile(string part)
    {
        using var stream = typeof(ReturnReader).Assembly.GetManifestResourceStream($"Observatory.ReferenceData.messages.{part}.json")
            ?? throw new InvalidOperationException($"messages.{part}.json is not embedded.");
        return [.. JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!
            .Select(entry => KeyValuePair.Create(entry.Key, (IReadOnlyDictionary<string, string>)entry.Value))];
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
