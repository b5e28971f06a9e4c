using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;

namespace Observatory.Functions.Observations;

/// <summary>
/// GET /api/observations?country=MEX&amp;year=2025[&amp;indicator=CT_VICT_DET]: a state's accepted data as stored
/// (unsuppressed), for its own focal point or staff; JSON, or CSV when the Accept header asks for text/csv.
/// </summary>
public sealed class GetObservations
{
    private readonly CallerAuthentication _authentication;
    private readonly IObservationStore _observations;
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates the function.</summary>
    public GetObservations(CallerAuthentication authentication, IObservationStore observations, ReferenceDataSet referenceData)
    {
        _authentication = authentication;
        _observations = observations;
        _referenceData = referenceData;
    }

    /// <summary>Returns the current accepted data of a state and year.</summary>
    [Function(nameof(GetObservations))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "observations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();

        if (!RequestParameters.TryState(request, caller, out var state, out var refusal)) return refusal;
        var country = state.Iso3;
        if (!RequestParameters.TryYear(request, request.Query["year"], out var year, out refusal)) return refusal;

        string? indicator = null;
        var indicatorText = request.Query["indicator"].ToString();
        if (indicatorText.Length > 0)
        {
            if (!_referenceData.Catalog.TryResolveIndicator(indicatorText, out var resolved))
                return ApiResults.BadRequest($"'{indicatorText}' is not an indicator of the catalog.");
            indicator = resolved.Code;
        }

        var set = await _observations.ReadCurrentAsync(country, year, indicator, cancellationToken);
        if (set is null) return ApiResults.NotFound($"{country} has no accepted data for {year}.");

        if (WantsCsv(request))
        {
            using var csv = new MemoryStream();
            await ObservationSetCsv.WriteAsync(set, _referenceData.Catalog, csv, cancellationToken);
            return new FileContentResult(csv.ToArray(), ObservationSetCsv.ContentType);
        }
        return ApiResults.Json(new
        {
            country = set.Country,
            year = set.Year,
            submissionId = set.SubmissionId,
            acceptedAt = set.AcceptedAt,
            observations = set.Observations.Select(o => new
            {
                indicator = o.Indicator,
                dimensions = o.Dimensions.ToDictionary(d => d.Key, d => d.Value),
                value = o.Value.Number is { } n ? (object)n : o.Value.Code,
                note = o.Note,
                flag = o.Flag,
            }),
        });
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);
}
