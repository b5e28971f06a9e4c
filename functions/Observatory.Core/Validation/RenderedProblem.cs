using Observatory.Core.Languages;
using Observatory.Core.Problems;

namespace Observatory.Core.Validation;

/// <summary>
/// A problem as the API and reports show it: located in the file and explained in one language.
/// Serialized in camelCase, it is an element of "errors" or "warnings" of GET /api/submissions/{id}.
/// </summary>
/// <param name="Type">The error type (see <see cref="ProblemTypes"/>).</param>
/// <param name="Sheet">The sheet, file or "observations"; null for the file as a whole.</param>
/// <param name="Row">The row number as the spreadsheet shows it; null for the file or a whole column.</param>
/// <param name="Column">The column letter or JSON property; null for a whole row.</param>
/// <param name="Field">The field it concerns (indicator, value, SEX, …).</param>
/// <param name="Value">The value found, as written.</param>
/// <param name="Message">What is wrong and what to write instead, in the requested language.</param>
public sealed record RenderedProblem(string Type, string? Sheet, int? Row, string? Column, string? Field, string? Value, string Message)
{
    /// <summary>Renders <paramref name="problem"/> in <paramref name="language"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="language">The language of the message.</param>
    /// <param name="messages">The messages; <see cref="MessageCatalog.Default"/> when null.</param>
    public static RenderedProblem From(Problem problem, Language language, MessageCatalog? messages = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var message = (messages ?? MessageCatalog.Default).Render(problem, language);
        return new RenderedProblem(problem.Type, problem.Sheet, problem.Row, problem.Column, problem.Field, problem.Value, message);
    }

    /// <summary>Renders every problem of <paramref name="problems"/> in <paramref name="language"/>, in their order.</summary>
    /// <param name="problems">The problems, for example <see cref="ValidationOutcome.Errors"/>.</param>
    /// <param name="language">The language of the messages.</param>
    /// <param name="messages">The messages; <see cref="MessageCatalog.Default"/> when null.</param>
    public static IReadOnlyList<RenderedProblem> FromAll(IEnumerable<Problem> problems, Language language, MessageCatalog? messages = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var catalog = messages ?? MessageCatalog.Default;
        var rendered = new List<RenderedProblem>();
        foreach (var problem in problems)
            rendered.Add(From(problem, language, catalog));
        return rendered;
    }
}
