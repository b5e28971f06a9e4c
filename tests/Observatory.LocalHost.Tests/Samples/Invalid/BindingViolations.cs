using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Function methods whose parameters or results the local host cannot bind; only the catalog tests index them.
namespace Observatory.LocalHost.Tests.Samples.Invalid;

public sealed class UnknownRouteParameter
{
    [Function("UnknownRouteParameter")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{id}")] HttpRequest request, string name) => new OkResult();
}

public sealed class RouteParameterOfUnsupportedType
{
    [Function("RouteParameterOfUnsupportedType")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dates/{day}")] HttpRequest request, DateTime day) => new OkResult();
}

public sealed class HttpReturnsString
{
    [Function("HttpReturnsString")]
    public string Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "text";
}

public sealed class HttpTriggerOnString
{
    [Function("HttpTriggerOnString")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] string body) => new OkResult();
}

public sealed class InvalidRouteTemplate
{
    [Function("InvalidRouteTemplate")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id")] HttpRequest request) => new OkResult();
}

public sealed class QueueOfInt
{
    [Function("QueueOfInt")]
    public void Run([QueueTrigger("numbers", Connection = "Storage")] int number)
    {
    }
}

public sealed class QueueAsyncVoid
{
    // The Functions analyzer rejects this too; the local host must reject it when the analyzer is not there.
#pragma warning disable AZFW0002
    [Function("QueueAsyncVoid")]
    public async void Run([QueueTrigger("work", Connection = "Storage")] string message) => await Task.Yield();
#pragma warning restore AZFW0002
}

public sealed class QueueWithExtraParameter
{
    [Function("QueueWithExtraParameter")]
    public void Run([QueueTrigger("work", Connection = "Storage")] QueueMessage message, string id)
    {
    }
}

public sealed class QueueWithOutputBinding
{
    [Function("QueueWithOutputBinding")]
    [QueueOutput("results", Connection = "Storage")]
    public string Run([QueueTrigger("work", Connection = "Storage")] string message) => message;
}

public sealed class TwoCancellationTokens
{
    [Function("TwoCancellationTokens")]
    public void Run([QueueTrigger("work", Connection = "Storage")] string message, CancellationToken first, CancellationToken second)
    {
    }
}

/// <summary>A trigger the local host does not serve.</summary>
public sealed class OtherTriggerAttribute : TriggerBindingAttribute;

public sealed class UnsupportedTrigger
{
    [Function("UnsupportedTrigger")]
    public void Run([OtherTrigger] string value)
    {
    }
}
