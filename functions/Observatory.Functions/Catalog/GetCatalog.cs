using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Catalog;

/// <summary>GET /api/catalog: indicators, units, dimensions and code lists with labels in en, es, pt and fr. Anonymous.</summary>
public sealed class GetCatalog
{
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates the function.</summary>
    public GetCatalog(ReferenceDataSet referenceData) => _referenceData = referenceData;

    /// <summary>Returns the catalog.</summary>
    [Anonymous]
    [Function(nameof(GetCatalog))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog")] HttpRequest request)
    {
        var catalog = _referenceData.Catalog;
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return ApiResults.Json(new
        {
            version = catalog.Version,
            languages = new[] { "en", "es", "pt", "fr" },
            indicators = catalog.Indicators.Select(i => new
            {
                code = i.Code,
                labels = i.Labels,
                descriptions = i.Descriptions,
                unit = i.Unit,
                dimensions = i.Dimensions,
                valueList = i.ValueList,
                @protected = i.Protected,
                derived = i.Derived,
            }),
            codeLists = catalog.CodeLists.Select(list => new
            {
                id = list.Id,
                labels = list.Labels,
                isDimension = list.IsDimension,
                codes = list.Items.Select(item => new { code = item.Code, labels = item.Labels }),
            }),
            states = _referenceData.States.All.Select(s => new { iso3 = s.Iso3, iso2 = s.Iso2, m49 = s.M49, names = s.Names }),
        });
    }
}
