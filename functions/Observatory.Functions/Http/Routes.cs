namespace Observatory.Functions.Http;

/// <summary>Route templates shared by several functions.</summary>
public static class Routes
{
    /// <summary>
    /// The "admin" segment of staff routes (/api/admin/...). The Functions host refuses route templates that begin
    /// with the literal "admin", which it reserves for its own /admin API even under the /api prefix; a route
    /// parameter constrained to exactly "admin" gives the same URL without tripping that check.
    /// </summary>
    public const string Admin = "{area:regex(^admin$)}";
}
