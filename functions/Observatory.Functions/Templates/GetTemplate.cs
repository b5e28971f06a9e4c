using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Templates;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Templates;

/// <summary>
/// GET /api/template?country=MEX&amp;year=2025&amp;lang=es: the xlsx template of a state's annual return, for its focal
/// point or staff (it shows the state's accepted values of the year before, which are not public). The country
/// defaults to the key's state, the year to the last full year, the language to the state's.
/// </summary>
public sealed class GetTemplate
{
    private readonly ReferenceDataSet _referenceData;
    private readonly ReturnTemplateService _templates;
    private readonly TimeProvider _clock;

    /// <summary>Creates the function.</summary>
    public GetTemplate(ReferenceDataSet referenceData, ReturnTemplateService templates, TimeProvider clock)
    {
        _referenceData = referenceData;
        _templates = templates;
        _clock = clock;
    }

    /// <summary>Returns the template as a download.</summary>
    [RequireCaller]
    [Function(nameof(GetTemplate))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "template")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        if (!RequestParameters.TryState(request, caller, _referenceData.States, out var state, out var refusal)) return refusal;

        // Returns for a year are sent in the year after it, so the last full year is the one being reported.
        var thisYear = _clock.GetUtcNow().Year;
        var year = thisYear - 1;
        var yearText = request.Query["year"].ToString();
        if (yearText.Length > 0 && (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 1990 || year > thisYear))
            return ApiResults.BadRequest($"'{yearText}' is not a reporting year: give a year from 1990 to {thisYear}, e.g. year={thisYear - 1}.");
        if (!state.ParticipatedIn(year))
            return ApiResults.BadRequest($"{state.Names.En} does not take part in the observatory for {year}; staff can tell you more.");

        if (!RequestParameters.TryLanguage(request, state.Language, out var language, out refusal)) return refusal;

        var file = await _templates.CreateAsync(state, year, language, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(file, ReturnTemplateBuilder.ContentType)
        {
            FileDownloadName = ReturnTemplateBuilder.FileName(state, year, language),
        };
    }
}
