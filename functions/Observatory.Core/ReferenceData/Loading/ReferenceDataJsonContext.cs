using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Core.ReferenceData.Loading;

/// <summary>
/// Reads the data files strictly: a misspelt property, a missing one or a null where a value belongs
/// is an error, not a silent default. Comments and trailing commas are tolerated because people edit these files.
/// </summary>
/// <remarks>
/// Optional document members that have a default (an empty alias list) are settable, not init-only: for
/// init-only members the generated code passes null when the property is absent, replacing the default.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(MemberStatesDocument))]
internal sealed partial class ReferenceDataJsonContext : JsonSerializerContext;
