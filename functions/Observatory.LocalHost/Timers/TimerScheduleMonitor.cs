using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Timers;

/// <summary>
/// Keeps the schedule status of monitored timers across restarts of the local host, one JSON file per function in a
/// folder on this machine, where the Functions host keeps it in the storage account.
/// </summary>
public sealed class TimerScheduleMonitor
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private readonly string _directory;

    /// <summary>Creates a monitor keeping its files in <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder of the status files; created when the first status is written.</param>
    public TimerScheduleMonitor(string directory) => _directory = directory;

    /// <summary>The recorded status of the function's schedule, in UTC, or null when none was recorded.</summary>
    /// <param name="functionName">The function's name.</param>
    public ScheduleStatus? Read(string functionName)
    {
        var path = PathFor(functionName);
        if (!File.Exists(path))
            return null;
        try
        {
            var record = JsonSerializer.Deserialize<StatusRecord>(File.ReadAllText(path), JsonOptions);
            return record is null ? null : new ScheduleStatus { Last = Utc(record.Last), Next = Utc(record.Next), LastUpdated = Utc(record.LastUpdated) };
        }
        catch (JsonException)
        {
            // A damaged record is treated as none, as the schedule can start afresh.
            return null;
        }
    }

    /// <summary>Records the status of the function's schedule.</summary>
    /// <param name="functionName">The function's name.</param>
    /// <param name="status">Its status, in UTC.</param>
    public void Write(string functionName, ScheduleStatus status)
    {
        Directory.CreateDirectory(_directory);
        var path = PathFor(functionName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new StatusRecord(status.Last, status.Next, status.LastUpdated), JsonOptions));
        File.Move(temporary, path, overwrite: true);
    }

    // A time written without a zone is read as UTC, the zone the host keeps its status in.
    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    private string PathFor(string functionName) => Path.Combine(_directory, $"{functionName}.status.json");

    private sealed record StatusRecord(DateTime Last, DateTime Next, DateTime LastUpdated);
}
