using System.Text.Json;
using Azure.Data.Tables;
using Observatory.Core.Observations;
using Observatory.Core.Submissions;

namespace Observatory.Storage;

/// <summary>
/// The "~current" row of a state-year's partition: the current version, when it became current, and the submissions
/// its data is made of (JSON, in received order). A row written before that list existed reads as one replacement.
/// </summary>
internal static class PointerRow
{
    private sealed record Entry(string Id, DateTimeOffset ReceivedAt, string Mode, string? AppliedOnto);

    /// <summary>The pointer stored in <paramref name="entity"/>, with its ETag.</summary>
    public static CurrentPointer Read(TableEntity entity)
    {
        var current = entity.GetString("SubmissionId");
        var acceptedAt = entity.GetDateTimeOffset("AcceptedAt") ?? default;
        IReadOnlyList<AppliedSubmission> applied = entity.GetString("Applied") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<Entry>>(json)!.Select(e => new AppliedSubmission(e.Id, e.ReceivedAt, Enum.Parse<SubmissionMode>(e.Mode), e.AppliedOnto)).ToList()
            : [new AppliedSubmission(current, entity.GetDateTimeOffset("ReceivedAt") ?? default, SubmissionMode.Replace, entity.GetString("Replaced"))];
        return new CurrentPointer(current, acceptedAt, applied, entity.ETag.ToString());
    }

    /// <summary>The row that stores <paramref name="pointer"/>.</summary>
    public static TableEntity Write(string partition, string rowKey, CurrentPointer pointer)
    {
        var entry = pointer.Find(pointer.CurrentVersion);
        return new TableEntity(partition, rowKey)
        {
            ["SubmissionId"] = pointer.CurrentVersion,
            ["AcceptedAt"] = pointer.AcceptedAt,
            // The latest word received, and what the current version replaced: kept readable for people browsing the table.
            ["ReceivedAt"] = pointer.Applied.Max(a => a.ReceivedAt),
            ["Replaced"] = entry?.AppliedOnto,
            ["Applied"] = JsonSerializer.Serialize(pointer.Applied.Select(a => new Entry(a.SubmissionId, a.ReceivedAt, a.Mode.ToString(), a.AppliedOnto))),
        };
    }
}
