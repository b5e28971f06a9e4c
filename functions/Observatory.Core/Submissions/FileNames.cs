using Observatory.Core.Reading;

namespace Observatory.Core.Submissions;

/// <summary>File names and content types of uploaded returns.</summary>
public static class FileNames
{
    /// <summary>The content type of xlsx workbooks.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A safe file name: the last path segment, only letters, digits, dot, dash, underscore and space kept, at most
    /// 100 characters; "return.{ext}" when nothing is left. It becomes part of a blob name and a download header.
    /// </summary>
    public static string Sanitize(string? fileName, ReturnFormat format)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var kept = new string(name.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').ToArray()).Trim(' ', '.');
        if (kept.Length > 100) kept = kept[^100..];
        return kept.Length == 0 ? $"return.{Extension(format)}" : kept;
    }

    /// <summary>xlsx, csv or json.</summary>
    public static string Extension(ReturnFormat format) => format switch
    {
        ReturnFormat.Xlsx => "xlsx",
        ReturnFormat.Csv => "csv",
        _ => "json",
    };

    /// <summary>The usual content type of a format.</summary>
    public static string ContentTypeOf(ReturnFormat format) => format switch
    {
        ReturnFormat.Xlsx => XlsxContentType,
        ReturnFormat.Csv => "text/csv",
        _ => "application/json",
    };
}
