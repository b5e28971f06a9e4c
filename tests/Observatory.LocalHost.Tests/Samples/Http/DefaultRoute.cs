using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class DefaultRoute
{
    [Function("DefaultRoute")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request) => new OkObjectResult(request.Method);
}
