using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>Collects the problems found while validating, errors apart from warnings.</summary>
internal sealed class ProblemSink
{
    /// <summary>The errors, in the order found.</summary>
    public List<Problem> Errors { get; } = [];

    /// <summary>The warnings, in the order found.</summary>
    public List<Problem> Warnings { get; } = [];

    /// <summary>Records a problem.</summary>
    public void Add(
        Severity severity, string type, string? sheet, int? row, string? column, string? field, string? value,
        string messageKey, string[] arguments, LocalizedText[]? localized = null)
    {
        var problem = new Problem(type, severity, sheet, row, column, field, value, messageKey, arguments)
        {
            LocalizedArguments = localized ?? [],
        };
        (severity == Severity.Error ? Errors : Warnings).Add(problem);
    }
}
