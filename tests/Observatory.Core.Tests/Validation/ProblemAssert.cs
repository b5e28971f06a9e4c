using Observatory.Core.Problems;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Validation;

internal static class ProblemAssert
{
    /// <summary>Asserts where a problem stands, what it is and which message explains it.</summary>
    public static void Is(
        Problem problem, string type, Severity severity, int? row, string? column, string? field, string? value, string messageKey,
        string? sheet = "Data")
    {
        Assert.Equal(
            (type, severity, sheet, row, column, field, value, messageKey),
            (problem.Type, problem.Severity, problem.Sheet, problem.Row, problem.Column, problem.Field, problem.Value, problem.MessageKey));
    }
}
