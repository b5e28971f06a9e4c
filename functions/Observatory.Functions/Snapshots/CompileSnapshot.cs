using Observatory.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Disclosure;
using Observatory.Functions.Http;
using Observatory.Functions.OpenData;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Snapshots;

/// <summary>POST /api/snapshots/{year} (staff): compiles and publishes a new version of that year's snapshot now.</summary>
public sealed class CompileSnapshot
{
    private readonly AuditTrail _audit;
    private readonly SnapshotPublisher _publisher;

    /// <summary>Creates the function.</summary>
    public CompileSnapshot(AuditTrail audit, SnapshotPublisher publisher)
    {
        _audit = audit;
        _publisher = publisher;
    }

    /// <summary>Compiles the year; 201 with the manifest, 409 while another compile of the year runs.</summary>
    [RequireStaff("Only the observatory's staff can publish snapshots.")]
    [Function(nameof(CompileSnapshot))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "snapshots/{year}")] HttpRequest request,
        string year,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        if (!RequestParameters.TryYear(request, year, out var reportingYear, out var badYear)) return badYear;

        SnapshotManifest? manifest;
        try
        {
            manifest = await _publisher.PublishAsync(reportingYear, cancellationToken);
        }
        catch (DisclosureControlException ex)
        {
            // Nothing was listed: a version that could give a child away is never published.
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "The snapshot cannot be protected", ex.Message);
        }
        if (manifest is null)
            return ApiResults.Problem(StatusCodes.Status409Conflict, "Compile in progress", $"A snapshot of {reportingYear} is being compiled; try again when it is published.");
        await _audit.RecordAsync(caller, AuditActions.SnapshotPublished, null, reportingYear, manifest.Version, null, cancellationToken);
        var view = SnapshotView.From(manifest, latest: true);
        // The data package descriptor describes every file of the version: the natural address of what was created.
        request.HttpContext.Response.Headers.Location = $"/api/opendata/{reportingYear}/{manifest.Version}/{SnapshotFileNames.DataPackage}";
        return ApiResults.Json(view, StatusCodes.Status201Created);
    }
}
