using System.Text.Json;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// Reads functions.metadata, the list of functions the Worker SDK (Microsoft.Azure.Functions.Worker.Sdk) writes beside
/// the Function App's assembly when it is built. Property names are matched without regard to case, as the Functions
/// host reads them.
/// </summary>
public static class FunctionsMetadataFile
{
    /// <summary>The file's name, as the SDK writes it and the Functions host looks for it.</summary>
    public const string FileName = "functions.metadata";

    /// <summary>The path of functions.metadata beside <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The Function App's assembly.</param>
    public static string BesideAssembly(string assemblyPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!, FileName);

    /// <summary>Reads every function the file declares.</summary>
    /// <param name="path">The functions.metadata file.</param>
    /// <exception cref="LocalHostStartupException">The file is missing, unreadable, or not a list of functions.</exception>
    public static IReadOnlyList<FunctionMetadata> Read(string path)
    {
        const string build = "the Worker SDK writes it when the Function App is built; build the Function App (dotnet build) and start again.";
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LocalHostStartupException($"{path} was not found: {build}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalHostStartupException($"{path} cannot be read ({ex.Message}): {build}", ex);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new JsonException("the file is not a JSON array of functions.");
            return document.RootElement.EnumerateArray().Select(ReadFunction).ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new LocalHostStartupException($"{path} is not a valid functions.metadata ({ex.Message}): {build}", ex);
        }
    }

    private static FunctionMetadata ReadFunction(JsonElement function)
    {
        if (function.ValueKind != JsonValueKind.Object)
            throw new JsonException("an entry of the array is not a function object.");
        var bindings = Property(function, "bindings") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(ReadBinding).ToArray()
            : [];
        return new FunctionMetadata(
            String(function, "name") ?? "",
            String(function, "scriptFile"),
            String(function, "entryPoint"),
            bindings,
            Property(function, "retry") is { ValueKind: JsonValueKind.Object });
    }

    private static BindingMetadata ReadBinding(JsonElement binding)
    {
        if (binding.ValueKind != JsonValueKind.Object)
            throw new JsonException("a binding is not an object.");
        return new BindingMetadata(String(binding, "name"), String(binding, "type"), String(binding, "direction"))
        {
            Route = String(binding, "route"),
            Methods = Property(binding, "methods") is { ValueKind: JsonValueKind.Array } methods
                ? methods.EnumerateArray().Select(method => method.GetString() ?? "").ToArray()
                : null,
            AuthLevel = String(binding, "authLevel"),
            QueueName = String(binding, "queueName"),
            Connection = String(binding, "connection"),
            Schedule = String(binding, "schedule"),
            RunOnStartup = Boolean(binding, "runOnStartup"),
            UseMonitor = Boolean(binding, "useMonitor"),
        };
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }

    private static string? String(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        null or { ValueKind: JsonValueKind.Null } => null,
        { } value => value.GetRawText(),
    };

    // The SDK writes true/false; a hand-written file may quote them.
    private static bool? Boolean(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var parsed) => parsed,
        null or { ValueKind: JsonValueKind.Null } => null,
        { } value => throw new JsonException($"'{name}' is {value.GetRawText()}, not true or false."),
    };
}
