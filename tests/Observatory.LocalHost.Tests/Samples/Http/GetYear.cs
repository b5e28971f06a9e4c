using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class GetYear
{
    [Function("GetYear")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "years/{year:int}/{lang?}")] HttpRequest request, int year, string? lang) =>
        Task.FromResult<IActionResult>(new OkObjectResult(new { Year = year, Lang = lang }));
}
