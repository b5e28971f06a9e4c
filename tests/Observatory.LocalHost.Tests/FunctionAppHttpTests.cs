using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatory.Functions;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.LocalHost.Tests;

/// <summary>
/// The real Function App over HTTP, through the local host's routing, middleware and queue listener, on the root
/// host.json, against an Azurite of its own (its queue listeners would take other tests' messages from a shared one):
/// what a focal point's client sees, not what a function method returns. Its clock is a fake one the test moves, so
/// the queue's back-off is never waited out; its timers are left out, since moving the clock would fire them.
/// </summary>
public sealed class FunctionAppHttpTests(OwnAzurite azurite) : IClassFixture<OwnAzurite>, IAsyncLifetime
{
    private const string AdminKey = "routing-test-admin-key-0123456789abcdef";
    private readonly TestClock _clock = new(TestHost.DefaultStart);
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("localhost-http-").FullName;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = ObservatoryFunctionApp.CreateOptions() with
        {
            FunctionsMetadataPath = FunctionAppBuild.MetadataPath,
            HostJsonPath = FunctionAppBuild.HostJsonPath,
            StateDirectory = _stateDirectory,
            IncludeType = type => !HasTimerTrigger(type),
            ConfigureBuilder = builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage"] = azurite.ConnectionString,
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                    ["Observatory:AdminKey"] = AdminKey,
                });
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<TimeProvider>(_clock);
            },
        };
        _app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], options);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }

    private static bool HasTimerTrigger(Type type) =>
        type.GetMethods().SelectMany(method => method.GetParameters()).Any(parameter => parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null);

    private HttpRequestMessage Request(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task A_return_uploaded_over_HTTP_is_received_processed_by_the_queue_listener_and_answered_on_its_status_url()
    {
        var issued = await _client.SendAsync(Request(HttpMethod.Post, "/api/admin/keys", AdminKey,
            JsonContent.Create(new { country = "TTO", label = "routing test" })));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        // A title row of the run's own keeps the bytes new on a storage emulator other tests share.
        var csv = $"Run {Guid.NewGuid():N}\r\nIndicator,Value\r\nPOL_HOTLINE,YES\r\n";
        var upload = await _client.SendAsync(Request(HttpMethod.Post, "/api/submissions?year=2017", key,
            new StringContent(csv, Encoding.UTF8, "text/csv")));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var statusUrl = upload.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/submissions/TTO-2017-", statusUrl, StringComparison.Ordinal);

        string status = "";
        await Eventually.TrueAsync(async () =>
        {
            var answer = await _client.SendAsync(Request(HttpMethod.Get, statusUrl, key));
            status = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
            return status is "accepted" or "rejected" or "failed";
        }, TimeSpan.FromSeconds(60), "the submission is processed", _clock);
        Assert.Equal("accepted", status);
    }

    [Theory]
    [InlineData("/api/submissions/TTO-2017-20260115T100000000Z-00000000")]
    [InlineData("/api/admin/keys")]
    public async Task A_protected_route_without_a_key_is_answered_401_with_problem_details(string path)
    {
        var answer = await _client.SendAsync(Request(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_focal_points_key_on_a_staff_route_is_answered_403_and_an_open_route_needs_no_key()
    {
        var issued = await _client.SendAsync(Request(HttpMethod.Post, "/api/admin/keys", AdminKey,
            JsonContent.Create(new { country = "TTO", label = "routing test" })));
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(Request(HttpMethod.Get, "/api/admin/keys", key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(Request(HttpMethod.Get, "/api/catalog"))).StatusCode);
    }

    [Fact]
    public async Task A_route_constraint_refuses_what_it_does_not_match()
    {
        // opendata/{year:int}/{version}/{file}: a word is no year, so no function runs; the router's 404 has no body,
        // where the function's own 404 (a year with nothing published) is problem details.
        var routed = await _client.SendAsync(Request(HttpMethod.Get, "/api/opendata/1999/latest/observations.csv"));
        var unrouted = await _client.SendAsync(Request(HttpMethod.Get, "/api/opendata/nineteen/latest/observations.csv"));

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (routed.StatusCode, routed.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.NotFound, 0L), (unrouted.StatusCode, (await unrouted.Content.ReadAsByteArrayAsync()).LongLength));
    }
}
