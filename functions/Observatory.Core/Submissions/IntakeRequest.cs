using Observatory.Core.Security;

namespace Observatory.Core.Submissions;

/// <summary>An upload as the HTTP layer received it.</summary>
/// <param name="Caller">Who sent it.</param>
/// <param name="Country">The country parameter as given (code or name), or null to mean the caller's state.</param>
/// <param name="Year">The year parameter as given, or null when the file is to state it.</param>
/// <param name="Language">The lang parameter as given, or null for the state's language.</param>
/// <param name="FileName">The file's name, when known.</param>
/// <param name="ContentType">The file's content type, when known.</param>
/// <param name="Content">The raw bytes.</param>
/// <param name="Mode">The mode parameter as given: "replace" (the default) or "amend".</param>
public sealed record IntakeRequest(
    Caller Caller,
    string? Country,
    string? Year,
    string? Language,
    string? FileName,
    string? ContentType,
    ReadOnlyMemory<byte> Content,
    string? Mode = null);

/// <summary>Why an upload was refused before anything was stored.</summary>
public enum IntakeRefusal
{
    /// <summary>A parameter is missing or invalid (400).</summary>
    InvalidParameters,
    /// <summary>The caller may not act for that state (403).</summary>
    Forbidden,
    /// <summary>Not xlsx, csv or json (415).</summary>
    UnsupportedFormat,
    /// <summary>Staff have locked the state-year (409).</summary>
    Locked,
    /// <summary>Storage could not take the upload; nothing was kept (503).</summary>
    Unavailable,
}

/// <summary>What became of an upload: a new or an existing submission, or a refusal with a human message.</summary>
public sealed record IntakeResult
{
    /// <summary>The submission, when stored.</summary>
    public Submission? Submission { get; private init; }

    /// <summary>True when this upload created the submission; false when the same bytes had been received before.</summary>
    public bool Created { get; private init; }

    /// <summary>Why it was refused, when it was.</summary>
    public IntakeRefusal? Refusal { get; private init; }

    /// <summary>A message for the sender saying what to do, when refused.</summary>
    public string? Detail { get; private init; }

    /// <summary>A newly stored submission.</summary>
    public static IntakeResult New(Submission submission) => new() { Submission = submission, Created = true };

    /// <summary>The submission already stored for the same bytes.</summary>
    public static IntakeResult Existing(Submission submission) => new() { Submission = submission };

    /// <summary>A refusal.</summary>
    public static IntakeResult Refused(IntakeRefusal refusal, string detail) => new() { Refusal = refusal, Detail = detail };
}
