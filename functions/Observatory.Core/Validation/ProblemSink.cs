using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>
/// Collects the problems found while validating, errors apart from warnings: the first
/// <see cref="Reading.ReturnLimits.MaxDetailedProblems"/> of each severity in detail, the rest counted by type, so
/// that a file with a million bad rows costs no more memory, and makes no larger report, than one with a thousand.
/// </summary>
internal sealed class ProblemSink(int maxDetailed = int.MaxValue, int maxQuotedChars = int.MaxValue)
{
    private readonly Dictionary<(Severity Severity, string Type), int> _omitted = [];

    /// <summary>The errors kept in detail, in the order found.</summary>
    public List<Problem> Errors { get; } = [];

    /// <summary>The warnings kept in detail, in the order found.</summary>
    public List<Problem> Warnings { get; } = [];

    /// <summary>Every error found, those kept in detail and those only counted.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>The problems only counted, by severity and type.</summary>
    public IReadOnlyDictionary<(Severity Severity, string Type), int> Omitted => _omitted;

    /// <summary>Records a problem.</summary>
    public void Add(
        Severity severity, string type, string? sheet, int? row, string? column, string? field, string? value,
        string messageKey, string[] arguments, LocalizedText[]? localized = null)
    {
        if (!Keep(severity, type)) return;
        // Arguments also carry the catalog's own lists (the codes accepted), so they are cut only far longer than a value.
        var problem = new Problem(type, severity, sheet, row, column, field, Quote(value, maxQuotedChars), messageKey,
            [.. arguments.Select(argument => Quote(argument, ArgumentFactor * (long)maxQuotedChars))!])
        {
            LocalizedArguments = localized ?? [],
        };
        (severity == Severity.Error ? Errors : Warnings).Add(problem);
    }

    /// <summary>Records a problem found elsewhere (by the reader).</summary>
    public void Add(Problem problem)
    {
        if (!Keep(problem.Severity, problem.Type)) return;
        var quoted = Quote(problem.Value, maxQuotedChars);
        (problem.Severity == Severity.Error ? Errors : Warnings).Add(ReferenceEquals(quoted, problem.Value) ? problem : problem with { Value = quoted });
    }

    /// <summary>Counts problems of <paramref name="type"/> that were not kept in detail where they were found.</summary>
    public void Count(Severity severity, string type, int count)
    {
        if (count <= 0) return;
        if (severity == Severity.Error) ErrorCount += count;
        _omitted[(severity, type)] = _omitted.GetValueOrDefault((severity, type)) + count;
    }

    private bool Keep(Severity severity, string type)
    {
        if (severity == Severity.Error) ErrorCount++;
        var kept = severity == Severity.Error ? Errors : Warnings;
        if (kept.Count < maxDetailed) return true;
        _omitted[(severity, type)] = _omitted.GetValueOrDefault((severity, type)) + 1;
        return false;
    }

    /// <summary>How many times longer than a value an argument may be.</summary>
    private const int ArgumentFactor = 10;

    /// <summary>A text as a problem quotes it: whole when short, else its start and "…".</summary>
    private static string? Quote(string? text, long max) =>
        text is null || text.Length <= max ? text : Reading.LimitProblems.Clip(text, (int)max);
}
