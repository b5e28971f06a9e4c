namespace Observatory.Benchmarks;

/// <summary>The sizes and repetitions of one run of the benchmarks.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>True for the full run that writes the report; false for the quick smoke run.</summary>
    public required bool Full { get; init; }

    /// <summary>Rows of the generated returns that are read and validated.</summary>
    public required IReadOnlyList<int> ReadingRows { get; init; }

    /// <summary>Timed runs of each reading variant, by number of rows (fewer for the largest files).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<int, int> ReadingRuns { get; init; } = _ => 1;

    /// <summary>Observations of one state and year written by the store.</summary>
    public required IReadOnlyList<int> StoringObservations { get; init; }

    /// <summary>Timed runs of each storing variant, by number of observations (more for the small writes, whose times are short and noisy).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<int, int> StoringRuns { get; init; } = _ => 1;

    /// <summary>States in the compiled snapshot.</summary>
    public required int CompileStates { get; init; }

    /// <summary>Observations of each state in the compiled snapshot.</summary>
    public required int CompileObservationsPerState { get; init; }

    /// <summary>Timed runs of each compiling variant.</summary>
    public required int CompileRuns { get; init; }

    /// <summary>States uploading at once through the local host.</summary>
    public required int EndToEndStates { get; init; }

    /// <summary>Rows of each uploaded return.</summary>
    public required int EndToEndRows { get; init; }

    /// <summary>Rounds of uploads through the local host.</summary>
    public required int EndToEndRuns { get; init; }

    /// <summary>True to measure memory in probe processes.</summary>
    public bool MeasureMemory { get; init; } = true;

    /// <summary>True to probe the memory of the baselines and the reader alone too, not only the whole path.</summary>
    public bool ProbeEveryVariant { get; init; } = true;

    /// <summary>The storage connection string (Azurite).</summary>
    public required string StorageConnectionString { get; init; }

    /// <summary>A folder for generated files, deleted at the end.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>The full run: the sizes the issue asks for, under 20 minutes on two shared cores.</summary>
    public static BenchmarkSettings ForFull(string storage, string workDirectory) => new()
    {
        Full = true,
        ReadingRows = [10_000, 100_000, 1_000_000],
        ReadingRuns = rows => rows >= 1_000_000 ? 3 : 5,
        StoringObservations = [1_000, 10_000],
        StoringRuns = observations => observations <= 1_000 ? 15 : 7,
        CompileStates = 35,
        CompileObservationsPerState = 5_000,
        CompileRuns = 3,
        EndToEndStates = 35,
        EndToEndRows = 2_000,
        EndToEndRuns = 3,
        StorageConnectionString = storage,
        WorkDirectory = workDirectory,
    };

    /// <summary>The quick run: every measurement on small sizes, once or twice, for the smoke test.</summary>
    public static BenchmarkSettings ForQuick(string storage, string workDirectory) => new()
    {
        Full = false,
        ReadingRows = [2_000],
        ReadingRuns = _ => 2,
        StoringObservations = [150, 450],
        StoringRuns = _ => 2,
        CompileStates = 5,
        CompileObservationsPerState = 200,
        CompileRuns = 1,
        EndToEndStates = 5,
        EndToEndRows = 160,
        EndToEndRuns = 1,
        ProbeEveryVariant = false,
        StorageConnectionString = storage,
        WorkDirectory = workDirectory,
    };
}
