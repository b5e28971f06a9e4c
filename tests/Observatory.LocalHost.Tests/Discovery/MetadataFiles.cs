using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Tests.Samples.Http;
using Observatory.LocalHost.Tests.Samples.Queues;

namespace Observatory.LocalHost.Tests.Discovery;

/// <summary>
/// Small functions.metadata files, written as the Worker SDK writes them, whose entry points are sample functions of
/// this assembly: the metadata says what is served, the samples only run it.
/// </summary>
internal static class MetadataFiles
{
    /// <summary>The assembly the files' scriptFile names.</summary>
    public static string ScriptFile => Path.GetFileName(typeof(MetadataFiles).Assembly.Location);

    /// <summary>An HTTP function running <see cref="DefaultRoute"/> (no route parameter) on <paramref name="route"/>.</summary>
    public static JsonObject Http(string name, string? route, params string[] methods) =>
        Function(name, $"{typeof(DefaultRoute).FullName}.Run",
            new JsonObject
            {
                ["name"] = "request", ["direction"] = "In", ["type"] = "httpTrigger", ["authLevel"] = "Anonymous",
                ["methods"] = methods.Length == 0 ? null : new JsonArray(methods.Select(method => (JsonNode)method).ToArray()),
                ["route"] = route, ["properties"] = new JsonObject(),
            },
            new JsonObject { ["name"] = "$return", ["type"] = "http", ["direction"] = "Out" });

    /// <summary>A queue function running <see cref="EchoText"/> on <paramref name="queueName"/>.</summary>
    public static JsonObject Queue(string name, string queueName, params JsonObject[] moreBindings) =>
        Function(name, $"{typeof(EchoText).FullName}.Run",
            [
                new JsonObject
                {
                    ["name"] = "message", ["direction"] = "In", ["type"] = "queueTrigger", ["dataType"] = "String",
                    ["queueName"] = queueName, ["connection"] = "Storage", ["properties"] = new JsonObject(),
                },
                .. moreBindings,
            ]);

    /// <summary>A function with the given entry point and bindings.</summary>
    public static JsonObject Function(string name, string entryPoint, params JsonObject[] bindings) => new()
    {
        ["name"] = name,
        ["scriptFile"] = ScriptFile,
        ["entryPoint"] = entryPoint,
        ["language"] = "dotnet-isolated",
        ["properties"] = new JsonObject { ["IsCodeless"] = false },
        ["bindings"] = new JsonArray(bindings.Select(binding => (JsonNode)binding).ToArray()),
    };

    /// <summary>Indexes <paramref name="path"/> with this assembly's samples, then deletes the temporary folder it is in.</summary>
    public static FunctionCatalog Discover(string path, IConfiguration settings, string routePrefix = "api")
    {
        try
        {
            return FunctionCatalog.Discover(path, typeof(MetadataFiles).Assembly, settings, routePrefix);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>Writes the functions to a functions.metadata in a new temporary folder and returns its path.</summary>
    public static string Write(params JsonObject[] functions) =>
        WriteText(new JsonArray(functions.Select(function => (JsonNode)function).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Writes <paramref name="text"/> as a functions.metadata in a new temporary folder and returns its path.</summary>
    public static string WriteText(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("functions-metadata-").FullName, "functions.metadata");
        File.WriteAllText(path, text);
        return path;
    }
}
