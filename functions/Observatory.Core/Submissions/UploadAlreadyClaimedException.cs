namespace Observatory.Core.Submissions;

/// <summary>
/// Thrown when a direct upload's blob arrives while another version of it (a second PUT to the same URL) is being
/// taken in for the ticket: the event is to be delivered again, and by then the ticket is used, so it ends quietly.
/// </summary>
public sealed class UploadAlreadyClaimedException : Exception
{
    /// <summary>Creates the exception for the upload <paramref name="uploadId"/>.</summary>
    public UploadAlreadyClaimedException(string uploadId)
        : base($"Upload {uploadId} is being taken in from another version of its blob; this event will be delivered again.") { }

    /// <summary>Creates the exception (for serializers and analysers).</summary>
    public UploadAlreadyClaimedException() { }

    /// <summary>Creates the exception with a message and inner exception (for serializers and analysers).</summary>
    public UploadAlreadyClaimedException(string message, Exception innerException) : base(message, innerException) { }
}
