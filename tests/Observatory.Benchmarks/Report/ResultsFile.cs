using System.Text.Json;

namespace Observatory.Benchmarks.Report;

/// <summary>
/// A full run's results saved as JSON beside the report, so that the report can be written again from them
/// (--report-from) without measuring again.
/// </summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { IncludeFields = true, WriteIndented = true };

    /// <summary>Saves <paramref name="results"/> at <paramref name="path"/>.</summary>
    public static Task SaveAsync(BenchmarkResults results, string path) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, Options));

    /// <summary>Reads results saved by <see cref="SaveAsync"/>.</summary>
    public static async Task<BenchmarkResults> LoadAsync(string path) =>
        JsonSerializer.Deserialize<BenchmarkResults>(await File.ReadAllTextAsync(path), Options)
        ?? throw new InvalidDataException($"{path} holds no results.");
}
