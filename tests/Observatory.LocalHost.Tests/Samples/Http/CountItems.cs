using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

/// <summary>Binds an int without a route constraint, so a value that is not a number fails the binding.</summary>
public sealed class CountItems
{
    [Function("CountItems")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "counts/{count}")] HttpRequest request, int count) =>
        new OkObjectResult(count + 1);
}
