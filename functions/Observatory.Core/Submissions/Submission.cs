using Observatory.Core.Languages;
using Observatory.Core.Reading;

namespace Observatory.Core.Submissions;

/// <summary>One return as a focal point sent it, and what became of it.</summary>
public sealed record Submission
{
    /// <summary>The submission's id; it starts with its state and year (see <see cref="SubmissionId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>ISO3 code of the state it is for.</summary>
    public required string Country { get; init; }

    /// <summary>The reporting year it is for.</summary>
    public required int Year { get; init; }

    /// <summary>Where it stands.</summary>
    public required SubmissionStatus Status { get; init; }

    /// <summary>When the raw file was stored.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it reached a final status.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The file's name as sent (sanitised), or a name made from the format.</summary>
    public required string FileName { get; init; }

    /// <summary>The content type it was sent with.</summary>
    public required string ContentType { get; init; }

    /// <summary>The format detected at upload.</summary>
    public required ReturnFormat Format { get; init; }

    /// <summary>Lower-case hex SHA-256 of the raw bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size of the raw file in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The language of messages for this submission.</summary>
    public required Language Language { get; init; }

    /// <summary>Who sent it: a key id, "admin", or a platform identity's name. Never a secret.</summary>
    public required string SubmittedBy { get; init; }

    /// <summary>
    /// When it was last put on the queue (null: at <see cref="ReceivedAt"/>). A submission still queued long after this
    /// lost its message and is queued again by the sweep.
    /// </summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>How many times processing started.</summary>
    public int Attempts { get; init; }

    /// <summary>Counts of rows, observations, errors and warnings, once processed.</summary>
    public SubmissionCounts Counts { get; init; } = SubmissionCounts.Empty;

    /// <summary>Whether it replaces the state-year's data or amends only the cells it contains.</summary>
    public SubmissionMode Mode { get; init; } = SubmissionMode.Replace;

    /// <summary>The submission whose data this one's replaced when it became current; null when there was none or it is not current.</summary>
    public string? Replaces { get; init; }

    /// <summary>Why the last processing attempt failed, or why the submission is <see cref="SubmissionStatus.Failed"/>.</summary>
    public string? FailureReason { get; init; }
}

/// <summary>The counts of a processed submission.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Observations">Observations stored (0 when rejected).</param>
/// <param name="Errors">Errors found.</param>
/// <param name="Warnings">Warnings found.</param>
public sealed record SubmissionCounts(int Rows, int Observations, int Errors, int Warnings)
{
    /// <summary>All zero: not yet processed.</summary>
    public static SubmissionCounts Empty { get; } = new(0, 0, 0, 0);
}
