using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Observatory.LocalHost.Configuration;

/// <summary>
/// The parts of host.json the local host honours, with the Functions host's defaults for whatever the file leaves out:
/// <c>extensions.http.routePrefix</c>, <c>extensions.queues</c> and <c>logging.logLevel</c>.
/// </summary>
public sealed class HostJsonSettings
{
    private HostJsonSettings(string routePrefix, QueueTriggerSettings queues, IReadOnlyDictionary<string, LogLevel> logLevels)
    {
        RoutePrefix = routePrefix;
        Queues = queues;
        LogLevels = logLevels;
    }

    /// <summary>The prefix of every HTTP route, without slashes ("api" by default; empty for none).</summary>
    public string RoutePrefix { get; }

    /// <summary>The polling, retry and poison settings of queue-triggered functions.</summary>
    public QueueTriggerSettings Queues { get; }

    /// <summary>Minimum log levels by category; the key "default" applies to every other category.</summary>
    public IReadOnlyDictionary<string, LogLevel> LogLevels { get; }

    /// <summary>Reads host.json from <paramref name="path"/>.</summary>
    /// <exception cref="LocalHostStartupException">The file is missing, is not JSON, or holds an invalid value.</exception>
    public static HostJsonSettings Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), Environment.ProcessorCount);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new LocalHostStartupException($"host.json at '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Reads host.json from its text.</summary>
    /// <param name="json">The content of host.json (comments and trailing commas are allowed, as in Functions).</param>
    /// <param name="processorCount">The processor count the default new-batch threshold is computed from.</param>
    /// <exception cref="InvalidOperationException">The text is not JSON or holds an invalid value.</exception>
    public static HostJsonSettings Parse(string json, int processorCount)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var extensions = Child(root, "extensions");
            return new HostJsonSettings(
                ReadRoutePrefix(Child(extensions, "http")),
                ReadQueues(Child(extensions, "queues"), processorCount),
                ReadLogLevels(Child(Child(root, "logging"), "logLevel")));
        }
    }

    private static string ReadRoutePrefix(JsonElement? http)
    {
        var prefix = String(http, "routePrefix", "extensions.http.routePrefix") ?? "api";
        return prefix.Trim().Trim('/');
    }

    private static QueueTriggerSettings ReadQueues(JsonElement? queues, int processorCount)
    {
        var defaults = QueueTriggerSettings.Defaults(processorCount);
        const string Section = "extensions.queues.";

        var batchSize = Integer(queues, "batchSize", Section) ?? defaults.BatchSize;
        if (batchSize is < 1 or > QueueTriggerSettings.MaxBatchSize)
            throw new InvalidOperationException($"{Section}batchSize must be between 1 and {QueueTriggerSettings.MaxBatchSize} (it is {batchSize}).");

        var newBatchThreshold = Integer(queues, "newBatchThreshold", Section)
            ?? QueueTriggerSettings.DefaultNewBatchThreshold(batchSize, processorCount);
        if (newBatchThreshold < 0)
            throw new InvalidOperationException($"{Section}newBatchThreshold must not be negative (it is {newBatchThreshold}).");

        var maxPollingInterval = Duration(queues, "maxPollingInterval", Section) ?? defaults.MaxPollingInterval;
        if (maxPollingInterval < QueueTriggerSettings.MinPollingInterval)
            throw new InvalidOperationException($"{Section}maxPollingInterval must be at least 00:00:00.100 (it is {maxPollingInterval:c}).");

        var visibilityTimeout = Duration(queues, "visibilityTimeout", Section) ?? defaults.VisibilityTimeout;
        if (visibilityTimeout < TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}visibilityTimeout must not be negative (it is {visibilityTimeout:c}).");

        var maxDequeueCount = Integer(queues, "maxDequeueCount", Section) ?? defaults.MaxDequeueCount;
        if (maxDequeueCount < 1)
            throw new InvalidOperationException($"{Section}maxDequeueCount must be at least 1 (it is {maxDequeueCount}).");

        var encoding = String(queues, "messageEncoding", Section + "messageEncoding") switch
        {
            null => defaults.MessageEncoding,
            var text when text.Equals("base64", StringComparison.OrdinalIgnoreCase) => QueueMessageEncoding.Base64,
            var text when text.Equals("none", StringComparison.OrdinalIgnoreCase) => QueueMessageEncoding.None,
            var text => throw new InvalidOperationException($"{Section}messageEncoding must be \"base64\" or \"none\" (it is \"{text}\")."),
        };

        return new QueueTriggerSettings(batchSize, newBatchThreshold, maxPollingInterval, visibilityTimeout, maxDequeueCount, encoding);
    }

    private static Dictionary<string, LogLevel> ReadLogLevels(JsonElement? logLevel)
    {
        var levels = new Dictionary<string, LogLevel>(StringComparer.OrdinalIgnoreCase);
        if (logLevel is not { ValueKind: JsonValueKind.Object } section)
            return levels;
        foreach (var property in section.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || !Enum.TryParse<LogLevel>(property.Value.GetString(), ignoreCase: true, out var level))
                throw new InvalidOperationException($"logging.logLevel.{property.Name} must be a log level such as \"Information\" (it is {property.Value}).");
            levels[property.Name] = level;
        }
        return levels;
    }

    // The Functions host reads host.json case-insensitively, so property names are matched the same way.
    private static JsonElement? Child(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } element)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) || property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
        }
        return null;
    }

    private static string? String(JsonElement? parent, string name, string path) => Child(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        var value => throw new InvalidOperationException($"{path} must be a string (it is {value})."),
    };

    private static int? Integer(JsonElement? parent, string name, string section) => Child(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        var value => throw new InvalidOperationException($"{section}{name} must be a whole number (it is {value})."),
    };

    private static TimeSpan? Duration(JsonElement? parent, string name, string section)
    {
        var text = String(parent, name, section + name);
        if (text is null)
            return null;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration))
            return duration;
        throw new InvalidOperationException($"{section}{name} must be a duration such as \"00:00:30\" (it is \"{text}\").");
    }
}
