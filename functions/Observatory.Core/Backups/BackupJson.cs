using System.Text.Json;

namespace Observatory.Core.Backups;

/// <summary>How a backup's manifest is written and read: camelCase JSON, indented for people who open it.</summary>
internal static class BackupJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
