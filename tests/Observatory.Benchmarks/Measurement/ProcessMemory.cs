using System.Diagnostics;

namespace Observatory.Benchmarks.Measurement;

/// <summary>
/// The process's resident memory. On Linux the peak (VmHWM) can be reset (clear_refs 5), so that a measurement sees
/// its own peak, not that of whatever ran before it in the process; elsewhere the peak is the process's since it started.
/// </summary>
public static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>True when the peak could be reset, so <see cref="Peak"/> is the peak since <see cref="ResetPeak"/>.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The resident set now, in bytes.</summary>
    public static long Current() => ReadStatus("VmRSS:") ?? Refreshed().WorkingSet64;

    /// <summary>The highest resident set since the last reset (or the process's start), in bytes.</summary>
    public static long Peak() => ReadStatus("VmHWM:") ?? Refreshed().PeakWorkingSet64;

    private static Process Refreshed()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process;
    }

    private static long? ReadStatus(string field)
    {
        if (!File.Exists(Status)) return null;
        foreach (var line in File.ReadLines(Status))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
