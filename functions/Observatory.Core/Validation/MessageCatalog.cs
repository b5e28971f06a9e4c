using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Observatory.Core.Languages;
using Observatory.Core.Problems;

namespace Observatory.Core.Validation;

/// <summary>
/// Every message the pipeline shows a focal point, in the four languages, from the data files
/// ReferenceData/Data/messages.*.json (one per part of the pipeline: messages.validation.json,
/// messages.reading.json, …). Each file maps a key to its text in en, es, pt and fr; texts are
/// composite format strings ({0}, {1}, …) whose arguments are already formatted as text.
/// </summary>
/// <remarks>
/// Loading fails, rather than showing a focal point a half-translated report, when a key appears
/// twice (in one file or across files), when a language is missing or blank, or when the
/// translations of one message do not use the same placeholders.
/// </remarks>
public sealed class MessageCatalog
{
    /// <summary>The prefix of the logical names of the embedded message files.</summary>
    internal const string ResourcePrefix = "Observatory.ReferenceData.messages.";

    private static readonly Lazy<MessageCatalog> Shipped = new(() => LoadEmbedded(typeof(MessageCatalog).Assembly));

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, CompositeFormat[]> _messages;

    private MessageCatalog(Dictionary<string, CompositeFormat[]> messages) => _messages = messages;

    /// <summary>The catalog shipped with this build, loaded on first use.</summary>
    /// <exception cref="InvalidDataException">A shipped message file is malformed (a defect of the build).</exception>
    public static MessageCatalog Default => Shipped.Value;

    /// <summary>Every message key.</summary>
    public IReadOnlyCollection<string> Keys => _messages.Keys;

    /// <summary>True when the catalog has a message with this key.</summary>
    public bool Contains(string key) => _messages.ContainsKey(key);

    /// <summary>Renders <paramref name="key"/> in <paramref name="language"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="KeyNotFoundException">No message has this key.</exception>
    /// <exception cref="ArgumentException">Fewer arguments than the message uses.</exception>
    public string Render(string key, Language language, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var format = Find(key, language);
        var values = new object?[arguments.Count];
        for (var i = 0; i < values.Length; i++) values[i] = arguments[i];
        return Format(key, format, values);
    }

    /// <summary>
    /// Renders a problem's message in <paramref name="language"/>: its <see cref="Problem.Arguments"/>
    /// followed by its <see cref="Problem.LocalizedArguments"/> in that language.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No message has the problem's key.</exception>
    /// <exception cref="ArgumentException">The problem carries fewer arguments than its message uses.</exception>
    public string Render(Problem problem, Language language)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var format = Find(problem.MessageKey, language);
        var plain = problem.Arguments;
        var localized = problem.LocalizedArguments;
        var values = new object?[plain.Count + localized.Count];
        for (var i = 0; i < plain.Count; i++) values[i] = plain[i];
        for (var i = 0; i < localized.Count; i++) values[plain.Count + i] = localized[i][language];
        return Format(problem.MessageKey, format, values);
    }

    /// <summary>Loads every embedded resource named Observatory.ReferenceData.messages.*.json of <paramref name="assembly"/>.</summary>
    internal static MessageCatalog LoadEmbedded(Assembly assembly)
    {
        var files = new List<(string Source, string Json)>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidDataException($"The embedded message file {name} cannot be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add((name, reader.ReadToEnd()));
        }
        return Parse(files);
    }

    /// <summary>Builds a catalog from message files given as (name for error messages, JSON text).</summary>
    /// <exception cref="InvalidDataException">A file is not valid, a key is repeated, a language is missing or blank, or placeholders differ.</exception>
    internal static MessageCatalog Parse(IEnumerable<(string Source, string Json)> files)
    {
        var messages = new Dictionary<string, CompositeFormat[]>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, json) in files)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, JsonOptions);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"The message file {source} is not valid JSON: {e.Message}", e);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException($"The message file {source} must hold one JSON object of messages.");
                foreach (var entry in document.RootElement.EnumerateObject())
                {
                    if (string.IsNullOrWhiteSpace(entry.Name))
                        throw new InvalidDataException($"The message file {source} has a blank key.");
                    if (origin.TryGetValue(entry.Name, out var first))
                        throw new InvalidDataException($"The message key '{entry.Name}' appears twice: in {first} and in {source}.");
                    origin.Add(entry.Name, source);
                    messages.Add(entry.Name, ParseMessage(source, entry));
                }
            }
        }
        return new MessageCatalog(messages);
    }

    private static CompositeFormat[] ParseMessage(string source, JsonProperty entry)
    {
        if (entry.Value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"The message '{entry.Name}' in {source} must be an object of en, es, pt and fr texts.");
        var texts = new string?[LanguageCodes.All.Count];
        foreach (var translation in entry.Value.EnumerateObject())
        {
            if (!LanguageCodes.TryParse(translation.Name, out var language))
                throw new InvalidDataException($"The message '{entry.Name}' in {source} has a text in an unknown language '{translation.Name}'.");
            if (texts[(int)language] is not null)
                throw new InvalidDataException($"The message '{entry.Name}' in {source} has two '{translation.Name}' texts.");
            if (translation.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(translation.Value.GetString()))
                throw new InvalidDataException($"The message '{entry.Name}' in {source} has a blank '{translation.Name}' text.");
            texts[(int)language] = translation.Value.GetString();
        }

        var formats = new CompositeFormat[texts.Length];
        IReadOnlySet<int>? expected = null;
        foreach (var language in LanguageCodes.All)
        {
            var text = texts[(int)language]
                ?? throw new InvalidDataException($"The message '{entry.Name}' in {source} has no '{language.ToCode()}' text.");
            try
            {
                formats[(int)language] = CompositeFormat.Parse(text);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"The '{language.ToCode()}' text of message '{entry.Name}' in {source} is not a valid format string: {e.Message}", e);
            }
            // A translation that drops a placeholder silently loses the value the focal point must see.
            var placeholders = MessagePlaceholders.Indices(text);
            if (expected is null)
                expected = placeholders;
            else if (!expected.SetEquals(placeholders))
                throw new InvalidDataException(
                    $"The '{language.ToCode()}' text of message '{entry.Name}' in {source} uses placeholders " +
                    $"{{{string.Join("}, {", placeholders)}}} where the English uses {{{string.Join("}, {", expected)}}}.");
        }
        return formats;
    }

    private CompositeFormat Find(string key, Language language) =>
        _messages.TryGetValue(key, out var formats)
            ? formats[(int)language]
            : throw new KeyNotFoundException($"No message has the key '{key}'.");

    private static string Format(string key, CompositeFormat format, object?[] values)
    {
        if (values.Length < format.MinimumArgumentCount)
            throw new ArgumentException($"The message '{key}' needs {format.MinimumArgumentCount} arguments; {values.Length} were given.", nameof(values));
        return string.Format(CultureInfo.InvariantCulture, format, values);
    }
}
