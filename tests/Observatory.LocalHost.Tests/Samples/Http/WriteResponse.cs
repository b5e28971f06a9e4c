using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class WriteResponse
{
    [Function("WriteResponse")]
    public async Task RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "raw")] HttpRequest request)
    {
        request.HttpContext.Response.StatusCode = StatusCodes.Status202Accepted;
        request.HttpContext.Response.Headers["X-Written-By"] = "function";
        await request.HttpContext.Response.WriteAsync($"written for {request.Method}");
    }
}
