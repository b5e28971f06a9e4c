using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class GetItem
{
    [Function("GetItem")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest request, string id) =>
        new OkObjectResult(new { Id = id, Query = request.Query["q"].ToString() });
}
