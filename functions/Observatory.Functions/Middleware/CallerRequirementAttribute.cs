namespace Observatory.Functions.Middleware;

/// <summary>
/// Who may call an HTTP function, declared on its method and enforced by <see cref="CallerAuthenticationMiddleware"/>
/// before the function runs. Every HTTP function declares exactly one: a function without one is refused when the app
/// starts (<see cref="CallerRequirements.Check"/>), so no route can become public by being forgotten.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class CallerRequirementAttribute : Attribute
{
    private protected CallerRequirementAttribute() { }
}

/// <summary>Served to anyone, with or without a credential: open data, the catalog, the portal's files.</summary>
public sealed class AnonymousAttribute : CallerRequirementAttribute;

/// <summary>Needs a valid credential: a state's focal point or the observatory's staff (401 otherwise).</summary>
public sealed class RequireCallerAttribute : CallerRequirementAttribute;

/// <summary>Needs the observatory's staff: 401 without a valid credential, 403 with a focal point's.</summary>
/// <param name="refusal">The 403's detail, saying what only staff can do (e.g. "Only the observatory's staff can list keys.").</param>
public sealed class RequireStaffAttribute(string refusal) : CallerRequirementAttribute
{
    /// <summary>The 403's detail.</summary>
    public string Refusal { get; } = refusal;
}
