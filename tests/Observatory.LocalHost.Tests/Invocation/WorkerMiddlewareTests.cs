using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Http;

namespace Observatory.LocalHost.Tests.Invocation;

/// <summary>Worker middleware added by a composition root runs on the local host, around each invocation, on a FunctionContext like the worker's.</summary>
public sealed class WorkerMiddlewareTests
{
    [Fact]
    public async Task Middleware_runs_in_the_order_it_was_added_and_sees_the_invocation_as_the_worker_describes_it()
    {
        var seen = new SeenContexts();
        await using var host = await StartAsync(seen);

        using var response = await host.Client.GetAsync("/api/items/abc-42?q=first");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["outer", "inner"], seen.Order);
        var context = Assert.Single(seen.Contexts);
        Assert.True(Guid.TryParse(context.InvocationId, out _));
        Assert.Equal("GetItem", context.FunctionDefinition.Name);
        Assert.Equal($"{typeof(GetItem).FullName}.{nameof(GetItem.Run)}", context.FunctionDefinition.EntryPoint);
        Assert.Equal(typeof(GetItem).Assembly.Location, context.FunctionDefinition.PathToAssembly);
        Assert.Equal(context.FunctionDefinition.Id, context.FunctionId);
        Assert.Equal("httpTrigger", context.FunctionDefinition.InputBindings["request"].Type);
        Assert.Equal("http", context.FunctionDefinition.OutputBindings["$return"].Type);
        Assert.Equal(["request", "id"], context.FunctionDefinition.Parameters.Select(p => p.Name));
        Assert.Equal("abc-42", context.BindingContext.BindingData["id"]);
        Assert.Contains("\"q\":\"first\"", (string)context.BindingContext.BindingData["Query"]!, StringComparison.Ordinal);
        Assert.Equal("/api/items/abc-42", seen.Paths.Single());
    }

    [Fact]
    public async Task The_middleware_and_the_function_share_the_invocations_scope()
    {
        var seen = new SeenContexts();
        await using var host = await StartAsync(seen);

        using var body = JsonDocument.Parse(await host.Client.GetStringAsync("/api/instance"));

        Assert.Equal(body.RootElement.GetProperty("scope").GetGuid(), seen.Scopes.Single());
    }

    [Fact]
    public async Task A_middleware_that_answers_alone_ends_the_invocation_before_the_function()
    {
        var seen = new SeenContexts();
        await using var host = await StartAsync(seen);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instance");
        request.Headers.Add(StopHeader, "yes");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode)StatusCodes.Status418ImATeapot, response.StatusCode);
        Assert.Equal("stopped by middleware", await response.Content.ReadAsStringAsync());
        Assert.False(Assert.IsType<Observatory.LocalHost.Invocation.LocalFunctionContext>(Assert.Single(seen.Contexts)).FunctionRan);
        Assert.Equal(["outer"], seen.Order);
    }

    private const string StopHeader = "X-Stop";

    private static Task<TestHost> StartAsync(SeenContexts seen) =>
        TestHost.StartAsync([typeof(GetItem), typeof(ShowInstance)], adjust: options => options with
        {
            ConfigureWorker = (worker, _) =>
            {
                worker.Services.AddSingleton(seen);
                worker.UseMiddleware<OuterMiddleware>();
                worker.UseMiddleware(async (context, next) =>
                {
                    seen.Order.Add("inner");
                    await next();
                });
            },
        });

    /// <summary>What the middleware saw.</summary>
    public sealed class SeenContexts
    {
        public List<string> Order { get; } = [];

        public List<FunctionContext> Contexts { get; } = [];

        public List<string> Paths { get; } = [];

        public List<Guid> Scopes { get; } = [];
    }

    /// <summary>Records the context, and answers alone when the request carries <see cref="StopHeader"/>.</summary>
    public sealed class OuterMiddleware(SeenContexts seen) : IFunctionsWorkerMiddleware
    {
        public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
        {
            seen.Order.Add("outer");
            seen.Contexts.Add(context);
            var http = context.GetHttpContext()!;
            seen.Paths.Add(http.Request.Path);
            seen.Scopes.Add(context.InstanceServices.GetRequiredService<ScopedProbe>().Id);
            if (http.Request.Headers.ContainsKey(StopHeader))
            {
                http.Response.StatusCode = StatusCodes.Status418ImATeapot;
                await http.Response.WriteAsync("stopped by middleware");
                return;
            }
            await next(context);
        }
    }
}
