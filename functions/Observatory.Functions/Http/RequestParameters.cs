using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Reports;
using Observatory.Core.Security;

namespace Observatory.Functions.Http;

/// <summary>
/// The parameters several routes share, read the same way everywhere, with the same refusals: the state and the year as
/// the reporting policy (<see cref="ReportingPolicy"/>) decides them, the language and the report format.
/// </summary>
public static class RequestParameters
{
    /// <summary>What a route does when its year is left out.</summary>
    public enum MissingYear
    {
        /// <summary>The year is optional: null stands for every year.</summary>
        Absent,
        /// <summary>The last full year, whose returns are sent now (<see cref="ReportingPolicy.LastFullYear"/>).</summary>
        LastFullYear,
    }

    /// <summary>
    /// The state of ?country= (code or name), or the caller's own state when it is left out, as the reporting policy
    /// decides it: 400 when neither names a member state, 403 when the caller may not act for it.
    /// </summary>
    public static bool TryState(HttpRequest request, Caller caller,
        [NotNullWhen(true)] out MemberState? state, [NotNullWhen(false)] out IActionResult? refusal)
    {
        var choice = PolicyOf(request).StateFor(caller, request.Query["country"].ToString());
        state = choice.State;
        refusal = state is not null ? null
            : choice.Refusal == StateRefusal.Forbidden ? ApiResults.Forbidden(choice.Detail!)
            : ApiResults.BadRequest(choice.Detail!);
        return refusal is null;
    }

    /// <summary>
    /// A year the route requires, written as text (?year=, a route value or a body field) and read by the reporting
    /// policy: 400 with the same words on every route when it is left out or is not a reporting year.
    /// </summary>
    public static bool TryYear(HttpRequest request, string? text, out int year, [NotNullWhen(false)] out IActionResult? refusal)
    {
        var policy = PolicyOf(request);
        var reading = policy.ReadYear(text);
        year = reading.Year ?? 0;
        refusal = reading.Year is not null ? null : ApiResults.BadRequest(reading.Refusal ?? policy.Years.Missing);
        return refusal is null;
    }

    /// <summary>
    /// A year the route may do without: as <see cref="TryYear(HttpRequest, string?, out int, out IActionResult?)"/>, but a
    /// year left out is <paramref name="missing"/>'s answer instead of a refusal.
    /// </summary>
    public static bool TryYear(HttpRequest request, string? text, MissingYear missing, out int? year, [NotNullWhen(false)] out IActionResult? refusal)
    {
        var policy = PolicyOf(request);
        var reading = policy.ReadYear(text);
        year = reading.IsMissing && missing == MissingYear.LastFullYear ? policy.LastFullYear : reading.Year;
        refusal = reading.Refusal is { } detail ? ApiResults.BadRequest(detail) : null;
        return refusal is null;
    }

    /// <summary>400 when <paramref name="state"/> does not take part in <paramref name="year"/> (the reporting policy's participation).</summary>
    public static bool TryTakingPart(HttpRequest request, MemberState state, int year, [NotNullWhen(false)] out IActionResult? refusal)
    {
        refusal = PolicyOf(request).RefuseParticipation(state, year) is { } detail ? ApiResults.BadRequest(detail) : null;
        return refusal is null;
    }

    /// <summary>
    /// The application's one reporting policy, from the request's services: the function classes read parameters
    /// through here and need no dependency of their own for it.
    /// </summary>
    private static ReportingPolicy PolicyOf(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<ReportingPolicy>();

    /// <summary>The language of ?lang=, or <paramref name="fallback"/> when it is left out; 400 for anything but en, es, pt, fr.</summary>
    public static bool TryLanguage(HttpRequest request, Language fallback, out Language language, [NotNullWhen(false)] out IActionResult? refusal)
    {
        var text = request.Query["lang"].ToString();
        language = fallback;
        refusal = text.Length > 0 && !LanguageCodes.TryParse(text, out language)
            ? ApiResults.BadRequest($"'{text}' is not a language of the observatory: use en, es, pt or fr.")
            : null;
        return refusal is null;
    }

    /// <summary>
    /// The report format of ?format=: html or xlsx; <paramref name="fallback"/> when it is left out; 400 for anything else.
    /// A null fallback means no format at all (the route's JSON answer) when it is left out.
    /// </summary>
    public static bool TryReportFormat(HttpRequest request, ReportFormat? fallback, out ReportFormat? format, [NotNullWhen(false)] out IActionResult? refusal)
    {
        var text = request.Query["format"].ToString();
        format = text.ToLowerInvariant() switch
        {
            "" => fallback,
            "html" => ReportFormat.Html,
            "xlsx" => ReportFormat.Xlsx,
            _ => null,
        };
        refusal = text.Length > 0 && format is null ? ApiResults.BadRequest($"'{text}' is not a report format: use format=xlsx or format=html.") : null;
        return refusal is null;
    }
}
