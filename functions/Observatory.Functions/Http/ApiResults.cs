using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Observatory.Functions.Http;

/// <summary>Responses of the API: JSON bodies and RFC 9457 problem details with a message a person can act on.</summary>
public static class ApiResults
{
    /// <summary>The content type of problem details.</summary>
    public const string ProblemContentType = "application/problem+json";

    /// <summary>A JSON body with a status code.</summary>
    public static IActionResult Json(object body, int status = StatusCodes.Status200OK) =>
        new JsonResult(body, ApiJson.Options) { StatusCode = status };

    /// <summary>A problem details response.</summary>
    public static IActionResult Problem(int status, string title, string detail) =>
        new ObjectResult(new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = title,
            Status = status,
            Detail = detail,
        })
        {
            StatusCode = status,
            ContentTypes = { ProblemContentType },
        };

    /// <summary>400: a parameter is missing or wrong.</summary>
    public static IActionResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "The request is not valid", detail);

    /// <summary>401: no credential, or an unknown or revoked one.</summary>
    public static IActionResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "A valid key is required",
        "Send your key in the X-Api-Key header (or as Authorization: Bearer <key>). Ask the observatory's staff for a new key if yours was revoked.");

    /// <summary>403: the caller may not do this.</summary>
    public static IActionResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Not allowed", detail);

    /// <summary>
    /// 503 with Retry-After: storage cannot take the request right now and nothing was kept (api.md); the client sends
    /// it again after <paramref name="retryAfterSeconds"/>.
    /// </summary>
    public static IActionResult Unavailable(string detail, int retryAfterSeconds) =>
        new WithHeader(Problem(StatusCodes.Status503ServiceUnavailable, "Try again later", detail),
            Microsoft.Net.Http.Headers.HeaderNames.RetryAfter, retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>404: nothing there, or nothing the caller may see.</summary>
    public static IActionResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>A result with one more response header, set when the result is written.</summary>
    private sealed class WithHeader(IActionResult inner, string name, string value) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers[name] = value;
            return inner.ExecuteResultAsync(context);
        }
    }
}
