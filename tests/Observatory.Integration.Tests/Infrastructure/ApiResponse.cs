using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>What a function answered, after its IActionResult was executed as the host would.</summary>
public sealed record ApiResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    /// <summary>The body as text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The Content-Type header.</summary>
    public string ContentType => Headers.ContentType.ToString();
}
