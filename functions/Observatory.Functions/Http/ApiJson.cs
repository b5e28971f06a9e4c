using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Functions.Http;

/// <summary>The JSON conventions of the API: camelCase, enums as camelCase strings, nulls written.</summary>
public static class ApiJson
{
    /// <summary>The serializer options of every response.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
