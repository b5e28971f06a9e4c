using System.Reflection;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Functions.Admin;
using Observatory.Functions.Catalog;
using Observatory.Functions.Middleware;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>The Function App's worker middleware: who may call which function, and what an exception becomes.</summary>
[Collection(PipelineCollection.Name)]
public sealed class MiddlewareTests(PipelineHarness pipeline)
{
    private const string Secret = "the connection string of the secret database";

    [Theory]
    [InlineData(null)]
    [InlineData("obs_0123456789abcdef_notarealsecret")]
    public async Task A_request_without_a_valid_credential_gets_401_problem_details_and_the_function_does_not_run(string? key)
    {
        var ran = false;
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=MEX", key), _ =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });

        Assert.False(ran);
        Assert.Equal(401, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("A valid key is required", response.Json.GetProperty("title").GetString());
        Assert.Equal(401, response.Json.GetProperty("status").GetInt32());
        Assert.Contains("X-Api-Key", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_on_a_staff_route_gets_403_with_the_routes_own_message_and_the_function_does_not_run()
    {
        var (_, key) = await pipeline.IssueKeyAsync("URY");
        var ran = false;
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/admin/keys", key: key), _ =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });

        Assert.False(ran);
        Assert.Equal(403, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("Only the observatory's staff can list keys.", response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_function_gets_the_caller_the_middleware_authenticated()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        Observatory.Core.Security.Caller? seen = null;
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/me", key: key), request =>
        {
            seen = request.GetCaller();
            return Task.FromResult<IActionResult>(new NoContentResult());
        });

        Assert.Equal(204, response.Status);
        Assert.Equal("PER", seen?.Country);
        Assert.False(seen!.IsAdmin);
    }

    [Fact]
    public async Task An_anonymous_route_is_served_without_a_key()
    {
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/catalog"), r => Task.FromResult(pipeline.Function<GetCatalog>().Run(r)));

        Assert.Equal(200, response.Status);
        Assert.True(response.Json.GetProperty("indicators").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_exception_becomes_a_500_problem_details_that_says_nothing_of_it()
    {
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions/MEX-2024-0001", key: pipeline.AdminKey),
            _ => throw new InvalidOperationException(Secret));

        Assert.Equal(500, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal(ExceptionMiddleware.ServerErrorDetail, response.Json.GetProperty("detail").GetString());
        Assert.DoesNotContain(Secret, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storage_failure_becomes_a_503_with_Retry_After_that_says_nothing_of_it()
    {
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/catalog"),
            _ => throw new RequestFailedException(500, Secret));

        Assert.Equal(503, response.Status);
        Assert.Equal("30", response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal(ExceptionMiddleware.UnavailableDetail, response.Json.GetProperty("detail").GetString());
        Assert.DoesNotContain(Secret, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_client_left_is_not_answered_and_its_exception_goes_on_to_the_host()
    {
        var request = pipeline.Request("GET", "/api/catalog");
        using var hangUp = new CancellationTokenSource();
        request.HttpContext.RequestAborted = hangUp.Token;

        await Assert.ThrowsAsync<OperationCanceledException>(() => pipeline.InvokeAsync(request, _ =>
        {
            hangUp.Cancel();
            throw new OperationCanceledException(hangUp.Token);
        }));
    }

    [Fact]
    public void Every_HTTP_function_of_the_app_declares_exactly_one_requirement_and_staff_routes_say_what_only_staff_can_do()
    {
        var methods = CallerRequirements.HttpFunctionMethods(typeof(IssueApiKey).Assembly).ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, method => Assert.Single(method.GetCustomAttributes<CallerRequirementAttribute>()));
        Assert.All(methods.Select(m => m.GetCustomAttribute<RequireStaffAttribute>()).OfType<RequireStaffAttribute>(),
            staff => Assert.StartsWith("Only the observatory's staff can ", staff.Refusal, StringComparison.Ordinal));
        // The anonymous routes are exactly the public ones.
        Assert.Equal(["GetCatalog", "GetOpenDataFile", "GetOpenDataSeriesFile", "GetPortalAsset", "ListOpenData", "ListOpenDataSeries"],
            methods.Where(m => m.GetCustomAttribute<AnonymousAttribute>() is not null).Select(m => m.DeclaringType!.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_app_with_an_HTTP_function_that_declares_no_requirement_is_refused_at_start_naming_it()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => CallerRequirements.Check(typeof(MiddlewareTests).Assembly));

        Assert.Contains($"{typeof(UndeclaredFunction).FullName}.{nameof(UndeclaredFunction.Run)}", refused.Message, StringComparison.Ordinal);
    }
}

/// <summary>An HTTP function that forgot to say who may call it.</summary>
public sealed class UndeclaredFunction
{
    /// <summary>Would answer anyone.</summary>
    [Function(nameof(UndeclaredFunction))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "undeclared")] HttpRequest request) => new OkResult();
}
