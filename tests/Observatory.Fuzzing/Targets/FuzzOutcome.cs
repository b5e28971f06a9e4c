namespace Observatory.Fuzzing.Targets;

/// <summary>How a fuzzing target's run ended.</summary>
public enum FuzzVerdict
{
    /// <summary>A reader read the file (its problems, if any, are about headers and cells).</summary>
    Read,

    /// <summary>The file was refused as a whole: unreadable, in no supported format, or past a limit; the problems say why.</summary>
    Refused,

    /// <summary>The validator accepted the return.</summary>
    Accepted,

    /// <summary>The validator rejected the return; its errors say why.</summary>
    Rejected,
}

/// <summary>What a fuzzing target made of one input.</summary>
/// <param name="Verdict">How it ended.</param>
/// <param name="Rows">The data rows read.</param>
/// <param name="Problems">The problems found, those kept in detail and those only counted.</param>
/// <param name="MessageKeys">The distinct message keys of the problems kept in detail, in order.</param>
public sealed record FuzzOutcome(FuzzVerdict Verdict, int Rows, int Problems, IReadOnlyList<string> MessageKeys)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Verdict}, {Rows} rows, {Problems} problems{(MessageKeys.Count == 0 ? "" : ": " + string.Join(", ", MessageKeys))}";
}

/// <summary>Thrown by a target when an outcome breaks a promise the pipeline makes of every verdict (a crash to afl-fuzz).</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzInvariantException() { }

    /// <summary>Creates the exception with the broken promise.</summary>
    public FuzzInvariantException(string message) : base(message) { }

    /// <summary>Creates the exception with the broken promise and its cause.</summary>
    public FuzzInvariantException(string message, Exception innerException) : base(message, innerException) { }
}
