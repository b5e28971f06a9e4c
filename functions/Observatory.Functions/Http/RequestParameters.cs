using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reports;
using Observatory.Core.Security;

namespace Observatory.Functions.Http;

/// <summary>The query parameters several routes share, read the same way everywhere, with the same refusals.</summary>
public static class RequestParameters
{
    /// <summary>
    /// The state of ?country= (code or name), or the caller's own state when it is left out. Refuses with 400 when
    /// neither names a member state and with 403 when the caller may not act for it.
    /// </summary>
    public static bool TryState(HttpRequest request, Caller caller, MemberStateRegistry states,
        [NotNullWhen(true)] out MemberState? state, [NotNullWhen(false)] out IActionResult? refusal)
    {
        var text = request.Query["country"].ToString();
        if (text.Length == 0) state = caller.Country is null ? null : states.FindByIso3(caller.Country);
        else if (!states.TryResolve(text, out state)) state = null;

        refusal = state is null
            ? ApiResults.BadRequest(text.Length == 0 ? "Give the state: country=MEX." : $"'{text}' is not a member state. Give its ISO3 code, e.g. country=MEX.")
            : !caller.CanActFor(state.Iso3) ? ApiResults.Forbidden($"This key belongs to {caller.Country}; it cannot act for {state.Iso3}.")
            : null;
        if (refusal is not null) state = null;
        return refusal is null;
    }

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
