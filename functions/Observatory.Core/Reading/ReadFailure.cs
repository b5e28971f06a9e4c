namespace Observatory.Core.Reading;

/// <summary>Tells the failures of reading a file's bytes (corrupt zip, bad XML, broken quoting) from those of the process.</summary>
internal static class ReadFailure
{
    /// <summary>
    /// True for any exception a parser raises on malformed input. Only code that reads the file's bytes is guarded
    /// with this, so a defect elsewhere still surfaces as itself; exhausted memory never counts as a bad file.
    /// </summary>
    public static bool IsUnreadableInput(Exception exception) =>
        exception is not (OutOfMemoryException or OperationCanceledException);

    /// <summary>The problem of a file that stopped being readable: a limit's own positioned problem, else <paramref name="otherwise"/>.</summary>
    public static Problems.Problem Describe(Exception exception, Func<Exception, Problems.Problem> otherwise) =>
        exception is ReturnLimitException limit ? limit.Problem : otherwise(exception);
}
