using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class RejectInput
{
    [Function("RejectInput")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "problems")] HttpRequest request) =>
        new BadRequestObjectResult(new ProblemDetails { Title = "Invalid input", Status = StatusCodes.Status400BadRequest, Detail = "The year is missing." });
}
