using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Observatory.Core.ReferenceData.Loading;

/// <summary>Turns a data file into its model, reporting any fault with the file's name in front.</summary>
internal static class DocumentReader
{
    /// <summary>Deserializes <paramref name="json"/> and converts it with <paramref name="toModel"/>.</summary>
    /// <exception cref="ReferenceDataException">The file is not valid JSON of the expected shape, or its content is inconsistent.</exception>
    public static TModel Read<TDocument, TModel>(Stream json, string source, JsonTypeInfo<TDocument> typeInfo, Func<TDocument, TModel> toModel)
    {
        TDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataException($"{source}: {ex.Message}", ex);
        }
        if (document is null)
            throw new ReferenceDataException($"{source}: the document is empty (null).");
        try
        {
            return toModel(document);
        }
        catch (ReferenceDataException ex)
        {
            throw new ReferenceDataException($"{source}: {ex.Message}", ex);
        }
    }
}
