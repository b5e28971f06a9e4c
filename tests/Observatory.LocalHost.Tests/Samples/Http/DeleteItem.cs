using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class DeleteItem(InvocationRecorder recorder)
{
    [Function("DeleteItem")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "items/{id:guid}")] HttpRequest request, Guid id)
    {
        recorder.Record("DeleteItem", id);
        return new NoContentResult();
    }
}
