using Observatory.Core.Languages;
using Observatory.Core.Problems;

namespace Observatory.Core.Validation;

/// <summary>
/// Problems of one type found beyond those listed one by one, as the API and reports show them: how many, and a
/// message in one language. Serialized in camelCase, it is an element of "omitted" of GET /api/submissions/{id}.
/// </summary>
/// <param name="Severity">"error" or "warning".</param>
/// <param name="Type">The error type (see <see cref="ProblemTypes"/>).</param>
/// <param name="Count">How many were found and not listed.</param>
/// <param name="Message">What the count means, in the requested language.</param>
public sealed record RenderedOmission(string Severity, string Type, int Count, string Message)
{
    /// <summary>Renders every count of <paramref name="omitted"/> in <paramref name="language"/>.</summary>
    /// <param name="omitted">The counts, for example <see cref="ValidationOutcome.Omitted"/>.</param>
    /// <param name="language">The language of the messages.</param>
    /// <param name="messages">The messages; <see cref="MessageCatalog.Default"/> when null.</param>
    public static IReadOnlyList<RenderedOmission> FromAll(IEnumerable<ProblemCount>? omitted, Language language, MessageCatalog? messages = null)
    {
        var catalog = messages ?? MessageCatalog.Default;
        return [.. (omitted ?? []).Select(o => new RenderedOmission(
            o.Severity == Problems.Severity.Error ? "error" : "warning", o.Type, o.Count, Explain(o, language, catalog)))];
    }

    /// <summary>"12,345 more problems of type type-error are not listed one by one…" in <paramref name="language"/>.</summary>
    public static string Explain(ProblemCount omitted, Language language, MessageCatalog? messages = null)
    {
        ArgumentNullException.ThrowIfNull(omitted);
        return (messages ?? MessageCatalog.Default).Render(LimitMessages.Omitted, language,
            [omitted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), omitted.Type]);
    }
}
