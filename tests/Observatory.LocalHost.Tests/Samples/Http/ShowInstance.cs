using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Http;

/// <summary>Tells which instance and which scope served the request.</summary>
public sealed class ShowInstance(ScopedProbe probe) : IDisposable
{
    private readonly Guid _instance = Guid.NewGuid();

    public static int Disposed;

    [Function("ShowInstance")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "instance")] HttpRequest request) =>
        new OkObjectResult(new { Instance = _instance, Scope = probe.Id });

    public void Dispose() => Interlocked.Increment(ref Disposed);
}
