using System.Runtime;
using System.Runtime.InteropServices;

namespace Observatory.Benchmarks.Report;

/// <summary>The machine a run was taken on, and how busy it was.</summary>
/// <param name="Processor">The CPU model.</param>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="MemoryBytes">Physical memory.</param>
/// <param name="OperatingSystem">The OS and kernel.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="GarbageCollector">The collector's mode.</param>
public sealed record MachineInfo(string Processor, int Cores, long MemoryBytes, string OperatingSystem, string Runtime, string GarbageCollector)
{
    /// <summary>This machine.</summary>
    public static MachineInfo Current() => new(
        ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : ""));

    /// <summary>The load average over 1, 5 and 15 minutes ("2.10 1.85 1.60"), where the OS tells it.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string? ReadField(string path, string name)
    {
        if (!File.Exists(path)) return null;
        return File.ReadLines(path)
            .Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
