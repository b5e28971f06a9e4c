using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Tests.Samples.Http;

public sealed class GetFile
{
    [Function("GetFile")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/{*path}")] HttpRequest request, string path) =>
        new FileStreamResult(new MemoryStream(Encoding.UTF8.GetBytes($"file at {path}")), "text/csv") { FileDownloadName = "data.csv" };
}
