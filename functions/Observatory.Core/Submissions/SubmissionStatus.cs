namespace Observatory.Core.Submissions;

/// <summary>Where a submission stands. <see cref="Accepted"/>, <see cref="Rejected"/> and <see cref="Failed"/> are final.</summary>
public enum SubmissionStatus
{
    /// <summary>Stored and waiting on the queue.</summary>
    Queued,
    /// <summary>Being read and validated.</summary>
    Processing,
    /// <summary>Valid; its observations are stored.</summary>
    Accepted,
    /// <summary>The data was wrong; the report says why.</summary>
    Rejected,
    /// <summary>The system could not process it after its retries; the raw file is kept and staff can reprocess it.</summary>
    Failed,
}

/// <summary>Helpers for <see cref="SubmissionStatus"/>.</summary>
public static class SubmissionStatuses
{
    /// <summary>True for accepted, rejected and failed.</summary>
    public static bool IsFinal(this SubmissionStatus status) =>
        status is SubmissionStatus.Accepted or SubmissionStatus.Rejected or SubmissionStatus.Failed;

    /// <summary>The lower-case name used in the API (queued, processing, accepted, rejected, failed).</summary>
    public static string ToApiName(this SubmissionStatus status) => status.ToString().ToLowerInvariant();
}
