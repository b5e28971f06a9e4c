namespace Observatory.Core.Problems;

/// <summary>How many problems of one severity and type were found beyond those kept in detail.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Type">The error type (see <see cref="ProblemTypes"/>).</param>
/// <param name="Count">How many were found and not kept in detail.</param>
public sealed record ProblemCount(Severity Severity, string Type, int Count);
