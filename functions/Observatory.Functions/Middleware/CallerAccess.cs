using Microsoft.AspNetCore.Http;
using Observatory.Core.Security;

namespace Observatory.Functions.Middleware;

/// <summary>The caller <see cref="CallerAuthenticationMiddleware"/> found, kept with the request for the function.</summary>
public static class CallerAccess
{
    // An object only this class holds, so nothing else in HttpContext.Items can replace the caller.
    private static readonly object CallerKey = new();

    /// <summary>
    /// The authenticated caller of a function that declares <see cref="RequireCallerAttribute"/> or
    /// <see cref="RequireStaffAttribute"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request went through no authentication (an anonymous function, or no middleware).</exception>
    public static Caller GetCaller(this HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(CallerKey, out var caller) && caller is Caller found
            ? found
            : throw new InvalidOperationException("No caller was authenticated for this request: the function declares no [RequireCaller] or [RequireStaff], or the middleware did not run.");

    /// <summary>Keeps <paramref name="caller"/> for the rest of the request.</summary>
    internal static void SetCaller(this HttpContext context, Caller caller) => context.Items[CallerKey] = caller;
}
