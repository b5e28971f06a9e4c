using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class CreateNote
{
    [Function("CreateNote")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notes")] HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return new CreatedResult("/api/notes/1", new { Text = text, Cancellable = cancellationToken.CanBeCanceled });
    }
}
