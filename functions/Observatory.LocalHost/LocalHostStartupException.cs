namespace Observatory.LocalHost;

/// <summary>
/// The local host cannot start: a function breaks the conventions it serves, a setting it needs is missing, or
/// host.json or local.settings.json is invalid. The message lists every problem found, each naming its source.
/// </summary>
public sealed class LocalHostStartupException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    /// <param name="problems">The problems, one sentence each.</param>
    public LocalHostStartupException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem found while reading a file.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="innerException">What reading the file threw.</param>
    public LocalHostStartupException(string problem, Exception? innerException)
        : base(Describe([problem]), innerException)
    {
        Problems = [problem];
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? "The local host cannot start: " + problems[0]
            : "The local host cannot start:" + string.Concat(problems.Select(problem => Environment.NewLine + " - " + problem));
}
