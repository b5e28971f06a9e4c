using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Observations;

/// <summary>
/// GET /api/observations?country=MEX&amp;year=2025[&amp;indicator=CT_VICT_DET]: a state's accepted data as stored
/// (unsuppressed), for its own focal point or staff; JSON, or CSV when the Accept header asks for text/csv.
/// </summary>
public sealed class GetObservations
{
    private readonly IObservationStore _observations;
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates the function.</summary>
    public GetObservations(IObservationStore observations, ReferenceDataSet referenceData)
    {
        _observations = observations;
        _referenceData = referenceData;
    }

    /// <summary>Returns the current accepted data of a state and year.</summary>
    [RequireCaller]
    [Function(nameof(GetObservations))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "observations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
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

        return WantsCsv(request)
            ? await ObservationsResponse.CsvAsync(set, _referenceData.Catalog, cancellationToken)
            : ApiResults.Json(ObservationsResponse.Of(set));
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);
}
