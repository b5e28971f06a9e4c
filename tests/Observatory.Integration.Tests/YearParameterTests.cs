using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Functions.Admin;
using Observatory.Functions.Observations;
using Observatory.Functions.Snapshots;
using Observatory.Functions.Submissions;
using Observatory.Functions.Templates;
using Observatory.Functions.Uploads;
using Observatory.Functions.Validations;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>
/// Every route that takes a year reads it the one way the reporting policy does (query, route or body), and refuses a
/// year that is not a reporting year with the same 400 problem details, in the same words.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class YearParameterTests(PipelineHarness pipeline)
{
    private static readonly byte[] Csv = ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]);

    public static TheoryData<string> Routes() =>
    [
        "GetObservations", "GetCoverage", "ListStateYearLocks", "ListSubmissions", "GetTemplate", "CompileSnapshot",
        "UploadSubmission", "RequestUploadUrl", "ValidateReturn", "SetStateYearLock",
    ];

    private int ThisYear => pipeline.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Year;

    private Task<ApiResponse> CallAsync(string route, string year)
    {
        var query = "country=MEX&year=" + Uri.EscapeDataString(year);
        var key = pipeline.AdminKey;
        return route switch
        {
            "GetObservations" => Run("GET", "/api/observations", query, r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None)),
            "GetCoverage" => Run("GET", "/api/admin/coverage", query, r => pipeline.Function<GetCoverage>().Run(r, CancellationToken.None)),
            "ListStateYearLocks" => Run("GET", "/api/admin/locks", query, r => pipeline.Function<ListStateYearLocks>().Run(r, CancellationToken.None)),
            "ListSubmissions" => Run("GET", "/api/submissions", query, r => pipeline.Function<ListSubmissions>().Run(r, CancellationToken.None)),
            "GetTemplate" => Run("GET", "/api/template", query, r => pipeline.Function<GetTemplate>().Run(r, CancellationToken.None)),
            "CompileSnapshot" => Run("POST", "/api/snapshots/" + Uri.EscapeDataString(year), null, r => pipeline.Function<CompileSnapshot>().Run(r, year, CancellationToken.None)),
            "UploadSubmission" => Run("POST", "/api/submissions", query, r => pipeline.Function<UploadSubmission>().Run(r, CancellationToken.None), Csv, "text/csv"),
            "RequestUploadUrl" => Run("POST", "/api/uploads", query + "&fileName=return.csv", r => pipeline.Function<RequestUploadUrl>().Run(r, CancellationToken.None)),
            "ValidateReturn" => Run("POST", "/api/validations", query, r => pipeline.Function<ValidateReturn>().Run(r, CancellationToken.None), Csv, "text/csv"),
            // A body's year is a JSON number: only whole numbers reach the policy, so the route is asked with those.
            "SetStateYearLock" => Run("POST", "/api/admin/locks", null, r => pipeline.Function<SetStateYearLock>().Run(r, CancellationToken.None),
                Encoding.UTF8.GetBytes($$"""{"country":"MEX","year":{{year}},"locked":true}"""), "application/json"),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };

        Task<ApiResponse> Run(string method, string path, string? q, Func<HttpRequest, Task<IActionResult>> function, byte[]? body = null, string? type = null) =>
            pipeline.InvokeAsync(pipeline.Request(method, path, q, key, body, type), function);
    }

    private string Refusal(string given) => string.Create(CultureInfo.InvariantCulture,
        $"'{given}' is not a reporting year: give a year from 1990 to {ThisYear}, such as {ThisYear - 1}.");

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_year_before_1990_is_refused_in_the_same_words_on_every_route(string route)
    {
        var response = await CallAsync(route, "1989");
        AssertRefused(response, Refusal("1989"));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_year_after_the_current_one_is_refused_in_the_same_words_on_every_route(string route)
    {
        var next = (ThisYear + 1).ToString(CultureInfo.InvariantCulture);
        var response = await CallAsync(route, next);
        AssertRefused(response, Refusal(next));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_year_that_is_no_year_is_refused_in_the_same_words_on_every_route(string route)
    {
        // A JSON body cannot carry "2025.0" as a whole number; its route is asked the nearest thing a body can hold.
        var given = route == "SetStateYearLock" ? "99999" : "2025.0";
        var response = await CallAsync(route, given);
        AssertRefused(response, Refusal(given));
    }

    [Theory]
    [InlineData("GetObservations")]
    [InlineData("GetCoverage")]
    [InlineData("RequestUploadUrl")]
    public async Task A_required_year_left_out_is_asked_for_in_the_same_words(string route)
    {
        var response = await CallAsync(route, "");
        AssertRefused(response, string.Create(CultureInfo.InvariantCulture, $"Give the reporting year: year={ThisYear - 1}."));
    }

    private static void AssertRefused(ApiResponse response, string detail)
    {
        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(detail, response.Json.GetProperty("detail").GetString());
    }
}
