using System.Diagnostics;
using System.Text.Json;

namespace Observatory.Benchmarks.Measurement;

/// <summary>What a probe measured in its own process.</summary>
/// <param name="Before">Resident set just before the measured work, after warming up, in bytes.</param>
/// <param name="Peak">Highest resident set during the work, in bytes.</param>
/// <param name="Retained">Managed heap still live after the work (after a full collection) while its result is kept, above the heap before it.</param>
/// <param name="Items">How many items (rows, observations) the work handled.</param>
/// <param name="PeakLiveHeap">The highest live managed heap above the start, sampled after full collections while the work ran (see <see cref="LiveHeap"/>); 0 when the work does not sample.</param>
public sealed record ProbeResult(long Before, long Peak, long Retained, long Items, long PeakLiveHeap)
{
    /// <summary>How far the resident set rose above where it was before the work.</summary>
    public long PeakGrowth => Math.Max(0, Peak - Before);
}

/// <summary>
/// Runs a piece of work in a fresh process of this program and reports its memory: the peak working set of a process
/// cannot be lowered again once reached, and a run shares its heap with whatever ran before it, so each memory
/// measurement gets a process to itself. Times are measured in the main process, where baselines run side by side.
/// </summary>
public static class MemoryProbe
{
    /// <summary>The command-line switch that makes this program run one probe and exit.</summary>
    public const string Switch = "--probe";

    private const string ResultPrefix = "probe-result ";

    /// <summary>Probes by name: each warms up, then returns the measured work (which returns its item count and a result to keep alive).</summary>
    private static readonly Dictionary<string, Func<string[], ProbeWork>> Probes = new(StringComparer.Ordinal);

    /// <summary>Registers a probe; <paramref name="prepare"/> runs before the baseline is taken and returns the work to measure.</summary>
    public static void Register(string name, Func<string[], ProbeWork> prepare) => Probes[name] = prepare;

    /// <summary>Runs probe <paramref name="name"/> with <paramref name="arguments"/> in a new process and returns what it measured.</summary>
    public static ProbeResult Run(string name, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = StartInfo();
        start.ArgumentList.Add(Switch);
        start.ArgumentList.Add(name);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The probe process did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"The probe {name} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {output}{error.Result}");
        return JsonSerializer.Deserialize<ProbeResult>(line[ResultPrefix.Length..], JsonSerializerOptions.Web)!;
    }

    /// <summary>The probe side: runs the probe the arguments name and prints its result on one line.</summary>
    public static int RunHere(string[] arguments)
    {
        var name = arguments[0];
        if (!Probes.TryGetValue(name, out var prepare))
        {
            Console.Error.WriteLine($"No probe named {name}.");
            return 2;
        }
        var work = prepare(arguments[1..]);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        ProcessMemory.ResetPeak();
        var before = ProcessMemory.Current();

        LiveHeap.Start(work.SampleEvery);
        var (items, result) = work.Run();
        var peakLiveHeap = LiveHeap.Stop();

        var peak = ProcessMemory.Peak();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(result);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(new ProbeResult(before, peak, retained, items, peakLiveHeap), JsonSerializerOptions.Web));
        return 0;
    }

    /// <summary>The work a probe measures, and how often it samples the live heap (0: never).</summary>
    /// <param name="Run">Does the work; returns its item count and a result to keep alive until measured.</param>
    /// <param name="SampleEvery">Ticks of <see cref="LiveHeap"/> between samples.</param>
    public sealed record ProbeWork(Func<(long Items, object? Result)> Run, int SampleEvery = 0);

    /// <summary>This program's own executable, else the dotnet host with its assembly (as under the test host).</summary>
    private static ProcessStartInfo StartInfo()
    {
        var directory = AppContext.BaseDirectory;
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "Observatory.Benchmarks.exe" : "Observatory.Benchmarks");
        if (File.Exists(appHost)) return new ProcessStartInfo(appHost) { UseShellExecute = false };
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(directory, "Observatory.Benchmarks.dll"));
        return start;
    }
}
