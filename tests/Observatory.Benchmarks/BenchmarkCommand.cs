using Observatory.Benchmarks.Micro;
using Observatory.Benchmarks.Report;

namespace Observatory.Benchmarks;

/// <summary>The program's modes: quick (the default), full (writes the report) and micro (BenchmarkDotNet).</summary>
public static class BenchmarkCommand
{
    /// <summary>The environment variable that names the storage to use, else OBSERVATORY_TEST_STORAGE, else Azurite's default ports.</summary>
    public const string StorageVariable = "OBSERVATORY_BENCHMARK_STORAGE";

    /// <summary>Runs the mode the arguments ask for; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--micro"))
            return MicroBenchmarks.Run([.. args.Where(a => a != "--micro")]);
        if (Array.IndexOf(args, "--profile") is var profile and >= 0)
            return Profile(args[(profile + 1)..]);
        if (Array.IndexOf(args, "--disclosure-worst") is var worst and >= 0)
            return Suites.DisclosureWorstCase.Run(args.Length > worst + 1 ? int.Parse(args[worst + 1], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);

        if (Option(args, "--report-from") is { } saved)
        {
            var output = Option(args, "--output") ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
            await File.WriteAllTextAsync(output, MarkdownReport.Write(await ResultsFile.LoadAsync(saved)));
            Console.WriteLine($"wrote {output} from {saved}");
            return 0;
        }
        var full = args.Contains("--full");
        // A full run also measures the memory at the input limits, so that the report it writes keeps that section.
        var parts = Option(args, "--only") is { } only ? ParseParts(only) : full ? BenchmarkParts.All | BenchmarkParts.Limits : BenchmarkParts.All;
        var storage = Option(args, "--storage") ?? StorageFromEnvironment();
        var work = Directory.CreateTempSubdirectory("observatory-benchmarks-").FullName;
        try
        {
            var settings = full ? BenchmarkSettings.ForFull(storage, work) : BenchmarkSettings.ForQuick(storage, work);
            if (Option(args, "--rows") is { } rows)
                settings = settings with { ReadingRows = [.. rows.Split(',').Select(r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture))] };
            var results = await BenchmarkRun.RunAsync(settings, parts, Console.Out);
            if (full)
            {
                var output = Option(args, "--output") ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
                await File.WriteAllTextAsync(output, MarkdownReport.Write(results));
                var json = Path.ChangeExtension(output, ".json");
                await ResultsFile.SaveAsync(results, json);
                Console.WriteLine($"wrote {output} and {json}");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Runs one reading variant over a generated file again and again (--profile xlsx|csv rows raw|reader|pipeline
    /// times), printing each run's time and allocation, for a profiler to watch: e.g. under
    /// <c>dotnet-trace collect --profile dotnet-sampled-thread-time -- Observatory.Benchmarks --profile csv 200000 pipeline 8</c>.
    /// </summary>
    private static int Profile(string[] args)
    {
        var format = Enum.Parse<Core.Reading.ReturnFormat>(args[0], ignoreCase: true);
        var rows = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var variant = args[2];
        var times = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("observatory-profile-").FullName;
        try
        {
            var path = Suites.ReadingFiles.Ensure(work, format, rows);
            Action read = variant switch
            {
                "raw" when format == Core.Reading.ReturnFormat.Xlsx => () => Suites.ReadingVariants.RawXlsx(path),
                "raw" => () => Suites.ReadingVariants.RawCsv(path),
                "reader" => () => Suites.ReadingVariants.Reader(path, format),
                "pipeline" => () => Suites.ReadingVariants.Pipeline(path, format),
                _ => throw new ArgumentException($"Unknown variant '{variant}': use raw, reader or pipeline."),
            };
            for (var i = 0; i < times; i++)
            {
                var sample = Measurement.Sample.Take(read);
                Console.WriteLine($"{variant} {format} {rows:N0} rows: {sample.Elapsed.TotalMilliseconds:F0} ms, {sample.AllocatedBytes / (double)rows:F0} B allocated per row, " +
                    $"{sample.GcPause.TotalMilliseconds:F0} ms paused for {sample.Collections.Gen0}/{sample.Collections.Gen1}/{sample.Collections.Gen2} collections of generation 0/1/2");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The storage connection string from the environment.</summary>
    public static string StorageFromEnvironment() =>
        Environment.GetEnvironmentVariable(StorageVariable) is { Length: > 0 } benchmark ? benchmark
        : Environment.GetEnvironmentVariable("OBSERVATORY_TEST_STORAGE") is { Length: > 0 } test ? test
        : "UseDevelopmentStorage=true";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static BenchmarkParts ParseParts(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Aggregate((BenchmarkParts)0, (parts, name) => parts | name switch
        {
            "reading" => BenchmarkParts.Reading,
            "storing" => BenchmarkParts.Storing,
            "compiling" => BenchmarkParts.Compiling,
            "end-to-end" => BenchmarkParts.EndToEnd,
            "limits" => BenchmarkParts.Limits,
            "dry-run" => BenchmarkParts.DryRun,
            _ => throw new ArgumentException($"Unknown part '{name}': use reading, storing, compiling, end-to-end, dry-run, limits."),
        });

    /// <summary>The repository's root: the first folder up from here that holds Pipeline.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln"))) return directory.FullName;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln"))) return directory.FullName;
        throw new InvalidOperationException("Pipeline.sln was not found above the current folder; give --output.");
    }
}
