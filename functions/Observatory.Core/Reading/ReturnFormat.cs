namespace Observatory.Core.Reading;

/// <summary>The file formats a return may come in.</summary>
public enum ReturnFormat
{
    /// <summary>Office Open XML workbook.</summary>
    Xlsx,
    /// <summary>Delimited text (comma, semicolon or tab).</summary>
    Csv,
    /// <summary>JSON in the schema of docs/return-schema.md.</summary>
    Json,
}
