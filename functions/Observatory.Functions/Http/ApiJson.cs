using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Observatory.Functions.Http;

/// <summary>
/// The JSON conventions of the API: camelCase, enums as camelCase strings, nulls written, and letters of every language
/// written as themselves ("Niñas", not "Ni\u00f1as") so that messages read well wherever the JSON is shown. Characters
/// that matter to HTML stay escaped.
/// </summary>
public static class ApiJson
{
    /// <summary>The serializer options of every response.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
