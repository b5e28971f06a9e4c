using Observatory.Core.Problems;

namespace Observatory.Core.Reading;

/// <summary>
/// Thrown by a reader when the file goes past one of the <see cref="ReturnLimits"/>: reading stops there, and the
/// <see cref="Problem"/> (an error, positioned where the limit was reached) is what the submission is rejected with.
/// </summary>
public sealed class ReturnLimitException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/>.</summary>
    public ReturnLimitException(Problem problem)
        : base($"The file goes past a limit: {problem?.MessageKey}")
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only (for serializers and analysers).</summary>
    public ReturnLimitException() : this(LimitProblems.Unspecified()) { }

    /// <summary>Creates the exception with a message only (for serializers and analysers).</summary>
    public ReturnLimitException(string message) : base(message) => Problem = LimitProblems.Unspecified();

    /// <summary>Creates the exception with a message and inner exception (for serializers and analysers).</summary>
    public ReturnLimitException(string message, Exception innerException) : base(message, innerException) => Problem = LimitProblems.Unspecified();

    /// <summary>The error to report.</summary>
    public Problem Problem { get; }
}
