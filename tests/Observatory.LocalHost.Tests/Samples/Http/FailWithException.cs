using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class FailWithException
{
    public const string SecretDetail = "connection to the secret database failed";

    [Function("FailWithException")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "failures")] HttpRequest request) =>
        throw new InvalidOperationException(SecretDetail);
}
