using Observatory.Benchmarks.Data;
using Observatory.Core.Reading;

namespace Observatory.Benchmarks.Suites;

/// <summary>The generated return files of the reading benchmark, written once per run into the work folder.</summary>
public static class ReadingFiles
{
    /// <summary>The state whose returns are generated.</summary>
    public const string Country = "MEX";

    /// <summary>Their reporting year.</summary>
    public const int Year = 2025;

    /// <summary>The extension of a format's files.</summary>
    public static string Extension(ReturnFormat format) => format == ReturnFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>Writes (or finds, when already written in this folder) the return of <paramref name="rows"/> rows.</summary>
    public static string Ensure(string directory, ReturnFormat format, int rows)
    {
        var path = Path.Combine(directory, $"return-{rows}.{Extension(format)}");
        if (File.Exists(path)) return path;
        var partial = path + ".partial";
        var content = ReturnContent.Rows(Country, Year, rows);
        if (format == ReturnFormat.Xlsx) XlsxReturnFile.Write(partial, Country, content);
        else CsvReturnFile.Write(partial, content);
        File.Move(partial, path);
        return path;
    }
}
