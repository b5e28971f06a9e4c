using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Observatory.Functions.Http;

namespace Observatory.Functions.Middleware;

/// <summary>
/// Authenticates the caller of every HTTP function that needs one, before it runs, from its
/// <see cref="CallerRequirementAttribute"/>: 401 problem details without a valid credential, 403 when staff is
/// required and the caller is a focal point; otherwise the caller is kept for <see cref="CallerAccess.GetCaller"/>.
/// A function that declares nothing is served to staff only (the app also refuses to start with one).
/// Other triggers pass through.
/// </summary>
public sealed class CallerAuthenticationMiddleware(CallerAuthentication authentication) : IFunctionsWorkerMiddleware
{
    private const string UndeclaredRefusal = "Only the observatory's staff can call this route.";

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var requirement = CallerRequirements.Of(context.FunctionDefinition);
        if (context.GetHttpContext() is not { } http || requirement is AnonymousAttribute)
        {
            await next(context);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, http.RequestAborted);
        var caller = await authentication.AuthenticateAsync(http.Request, linked.Token);
        IActionResult? refusal = caller is null ? ApiResults.Unauthorized()
            : caller.IsAdmin || requirement is RequireCallerAttribute ? null
            : ApiResults.Forbidden((requirement as RequireStaffAttribute)?.Refusal ?? UndeclaredRefusal);
        if (refusal is not null)
        {
            // Answered here, without running the function: the response is written, so there is no result to execute.
            await HttpResponses.WriteAsync(http, refusal);
            return;
        }
        http.SetCaller(caller!);
        await next(context);
    }
}
