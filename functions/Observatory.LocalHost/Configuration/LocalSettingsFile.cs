using System.Globalization;
using System.Text.Json;

namespace Observatory.LocalHost.Configuration;

/// <summary>
/// Reads local.settings.json the way Core Tools applies it: every entry of "Values" becomes a setting (with "__" as
/// the section separator, as in environment variables), every entry of "ConnectionStrings" becomes
/// <c>ConnectionStrings:name</c>, and "Host.LocalHttpPort" chooses the port.
/// </summary>
public sealed class LocalSettingsFile
{
    private LocalSettingsFile(IReadOnlyDictionary<string, string?> settings, int? localHttpPort)
    {
        Settings = settings;
        LocalHttpPort = localHttpPort;
    }

    /// <summary>The settings as configuration keys (sections separated by ':') and values.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The port of "Host.LocalHttpPort", if the file sets one.</summary>
    public int? LocalHttpPort { get; }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="LocalHostStartupException">The file cannot be read, is not JSON or is encrypted.</exception>
    public static LocalSettingsFile Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            throw new LocalHostStartupException($"local.settings.json at '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads local.settings.json from its text.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="FormatException">The file is encrypted, or a section is not an object.</exception>
    public static LocalSettingsFile Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("the file must hold a JSON object.");

        if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            throw new FormatException("its values are encrypted; only Core Tools on Windows can read them. Decrypt them with 'func settings decrypt'.");

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Entries(root, "Values"))
            settings[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value;
        foreach (var (name, value) in Entries(root, "ConnectionStrings"))
            settings[ConfigurationPath.Combine("ConnectionStrings", name)] = value;

        int? port = null;
        if (root.TryGetProperty("Host", out var host) && host.ValueKind == JsonValueKind.Object &&
            host.TryGetProperty("LocalHttpPort", out var portElement))
        {
            port = portElement.ValueKind switch
            {
                JsonValueKind.Number when portElement.TryGetInt32(out var number) && number is > 0 and <= 65535 => number,
                JsonValueKind.String when int.TryParse(portElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    && number is > 0 and <= 65535 => number,
                _ => throw new FormatException($"Host.LocalHttpPort must be a port number (it is {portElement})."),
            };
        }

        return new LocalSettingsFile(settings, port);
    }

    private static IEnumerable<(string Name, string? Value)> Entries(JsonElement root, string section)
    {
        if (!root.TryGetProperty(section, out var element) || element.ValueKind == JsonValueKind.Null)
            yield break;
        if (element.ValueKind != JsonValueKind.Object)
            throw new FormatException($"\"{section}\" must be an object.");
        foreach (var property in element.EnumerateObject())
        {
            // Core Tools passes values through the environment, where every value is text.
            yield return (property.Name, property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            });
        }
    }
}
