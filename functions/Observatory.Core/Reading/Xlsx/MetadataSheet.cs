using Observatory.Core.Text;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>Recognises the sheet in which a workbook states whose return it is.</summary>
internal static class MetadataSheet
{
    private static readonly HashSet<string> Names = new(
        new[] { "Metadata", "Metadatos", "Metadados", "Métadonnées" }.Select(TextKey.Fold), StringComparer.Ordinal);

    /// <summary>True for Metadata, Metadatos, Metadados or Métadonnées, in any case, with or without accents.</summary>
    public static bool IsMetadata(string sheetName) => Names.Contains(TextKey.Fold(sheetName));
}
