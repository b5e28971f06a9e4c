using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.Templates;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Templates;

/// <summary>
/// GET /api/template?country=MEX&amp;year=2025&amp;lang=es: the xlsx template of a state's annual return, for its focal
/// point or staff (it shows the state's accepted values of the year before, which are not public). The country
/// defaults to the key's state, the year to the last full year, the language to the state's.
/// </summary>
/// <param name="templates">Builds the workbook.</param>
public sealed class GetTemplate(ReturnTemplateService templates)
{
    /// <summary>Returns the template as a download.</summary>
    [RequireCaller]
    [Function(nameof(GetTemplate))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "template")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        if (!RequestParameters.TryState(request, caller, out var state, out var refusal)) return refusal;

        // Returns for a year are sent in the year after it, so the last full year is the one being reported.
        if (!RequestParameters.TryYear(request, request.Query["year"], RequestParameters.MissingYear.LastFullYear, out var given, out refusal)) return refusal;
        var year = given!.Value;
        if (!RequestParameters.TryTakingPart(request, state, year, out refusal)) return refusal;

        if (!RequestParameters.TryLanguage(request, state.Language, out var language, out refusal)) return refusal;

        var file = await templates.CreateAsync(state, year, language, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(file, ReturnTemplateBuilder.ContentType)
        {
            FileDownloadName = ReturnTemplateBuilder.FileName(state, year, language),
        };
    }
}
