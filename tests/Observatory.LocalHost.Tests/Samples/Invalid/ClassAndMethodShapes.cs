using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

// Function classes that break the conventions of class and method shape; only the catalog tests index them.
namespace Observatory.LocalHost.Tests.Samples.Invalid;

public sealed class StaticMethod
{
    [Function("StaticMethod")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => new OkResult();
}

internal sealed class InternalClass
{
    [Function("InternalClass")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => new OkResult();
}

public sealed class TwoFunctions
{
    [Function("First")]
    public IActionResult First([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "first")] HttpRequest request) => new OkResult();

    [Function("Second")]
    public IActionResult Second([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "second")] HttpRequest request) => new OkResult();
}

public sealed class NoTrigger
{
    [Function("NoTrigger")]
    public IActionResult Run(HttpRequest request) => new OkResult();
}

public sealed class DuplicateNameOne
{
    [Function("Duplicate")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "one")] HttpRequest request) => new OkResult();
}

public sealed class DuplicateNameTwo
{
    [Function("duplicate")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "two")] HttpRequest request) => new OkResult();
}

public sealed class SameRouteOne
{
    [Function("SameRouteOne")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "same")] HttpRequest request) => new OkResult();
}

public sealed class SameRouteTwo
{
    [Function("SameRouteTwo")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "Same")] HttpRequest request) => new OkResult();
}

public sealed class NeedsUnregisteredService(NeedsUnregisteredService.Unregistered service)
{
    public sealed class Unregistered;

    [Function("NeedsUnregisteredService")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => new OkObjectResult(service.ToString());
}

public sealed class WithRetryPolicy
{
    [Function("WithRetryPolicy")]
    [FixedDelayRetry(3, "00:00:05")]
    public void Run([TimerTrigger("0 0 * * * *")] TimerInfo timer)
    {
    }
}
