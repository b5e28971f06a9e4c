using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Tests.Samples.Http;
using Observatory.LocalHost.Tests.Samples.Invalid;
using Observatory.LocalHost.Tests.Samples.Queues;
using Observatory.LocalHost.Tests.Samples.Timers;

namespace Observatory.LocalHost.Tests.Discovery;

public sealed class FunctionCatalogTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage"] = "UseDevelopmentStorage=true",
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Samples:TextQueue"] = "Mixed-Case-Queue",
        ["Samples:BinaryQueue"] = "binary",
        ["Samples:EverySecond"] = "*/1 * * * * *",
    }).Build();

    // The samples are served from this assembly, as the functions.metadata the Worker SDK wrote beside it declares them.
    private static FunctionCatalog Discover(params Type[] types) =>
        FunctionCatalog.Discover(typeof(FunctionCatalogTests).Assembly, Settings, "api", types.Contains);

    private static string ProblemsOf(params Type[] types) =>
        Assert.Throws<LocalHostStartupException>(() => Discover(types)).Message;

    [Fact]
    public void An_http_function_is_indexed_with_its_route_methods_and_route_parameters()
    {
        var function = Assert.IsType<HttpFunction>(Assert.Single(Discover(typeof(GetYear)).Functions));

        Assert.Equal("GetYear", function.Name);
        Assert.Equal("years/{year:int}/{lang?}", function.Route);
        Assert.Equal("api/years/{year:int}/{lang?}", function.FullRoute("api"));
        Assert.Equal(["GET"], function.HttpMethods);
        Assert.Equal(
            [ParameterSource.Trigger, ParameterSource.RouteValue, ParameterSource.RouteValue],
            function.Parameters.Select(parameter => parameter.Source));
    }

    [Fact]
    public void An_http_function_without_a_route_is_served_on_its_name_and_without_methods_on_every_method()
    {
        var function = Assert.IsType<HttpFunction>(Assert.Single(Discover(typeof(DefaultRoute)).Functions));

        Assert.Equal("DefaultRoute", function.Route);
        Assert.Null(function.HttpMethods);
    }

    [Fact]
    public void A_queue_name_setting_is_resolved_and_lower_cased_and_the_default_connection_is_AzureWebJobsStorage()
    {
        var catalog = Discover(typeof(EchoText), typeof(EchoBinary));

        var text = Assert.Single(catalog.QueueFunctions, function => function.Name == "EchoText");
        Assert.Equal("mixed-case-queue", text.QueueName);
        Assert.Equal("mixed-case-queue-poison", text.PoisonQueueName);
        Assert.Equal("Storage", text.ConnectionName);
        var binary = Assert.Single(catalog.QueueFunctions, function => function.Name == "EchoBinary");
        Assert.Equal("AzureWebJobsStorage", binary.ConnectionName);
        Assert.Equal([ParameterSource.Trigger, ParameterSource.CancellationToken], binary.Parameters.Select(parameter => parameter.Source));
    }

    [Fact]
    public void A_timer_schedule_setting_is_resolved_and_the_monitor_defaults_as_in_Functions()
    {
        var catalog = Discover(typeof(EverySecondMonitored), typeof(EverySecond), typeof(Yearly), typeof(YearlyOnStartup));
        TimerFunction Timer(string name) => Assert.Single(catalog.TimerFunctions, function => function.Name == name);

        Assert.Equal("*/1 * * * * *", Timer("EverySecondMonitored").ScheduleExpression);
        Assert.True(Timer("EverySecondMonitored").UseMonitor);  // set explicitly
        Assert.False(Timer("EverySecond").UseMonitor);          // more often than once a minute
        Assert.True(Timer("Yearly").UseMonitor);                // less often
        Assert.False(Timer("Yearly").RunOnStartup);
        Assert.True(Timer("YearlyOnStartup").RunOnStartup);
    }

    [Theory]
    [InlineData(typeof(StaticMethod), "StaticMethod.Run (function 'StaticMethod'): a function must be an instance method")]
    [InlineData(typeof(InternalClass), "InternalClass: a class with functions must be public")]
    [InlineData(typeof(TwoFunctions), "TwoFunctions: declares 2 functions (First, Second)")]
    [InlineData(typeof(NoTrigger), "function 'NoTrigger' (Observatory.LocalHost.Tests.Samples.Invalid.NoTrigger.Run): declares no binding")]
    [InlineData(typeof(WithRetryPolicy), "function 'WithRetryPolicy' (Observatory.LocalHost.Tests.Samples.Invalid.WithRetryPolicy.Run): declares a retry policy, which the local host does not emulate")]
    [InlineData(typeof(UnknownRouteParameter), "UnknownRouteParameter.Run (function 'UnknownRouteParameter'): parameter 'name' is not a parameter of the route 'things/{id}'")]
    [InlineData(typeof(RouteParameterOfUnsupportedType), "route parameter 'day' is a DateTime")]
    [InlineData(typeof(HttpReturnsString), "HttpReturnsString.Run (function 'HttpReturnsString'): returns String")]
    [InlineData(typeof(HttpTriggerOnString), "the HTTP trigger parameter 'body' is a String")]
    [InlineData(typeof(InvalidRouteTemplate), "the route 'items/{id' is not a valid route template")]
    [InlineData(typeof(QueueOfInt), "QueueOfInt.Run (function 'QueueOfInt'): the queue trigger parameter 'number' is a Int32")]
    [InlineData(typeof(QueueAsyncVoid), "an async void method cannot be awaited")]
    [InlineData(typeof(QueueWithExtraParameter), "parameter 'id' cannot be bound")]
    [InlineData(typeof(QueueWithOutputBinding), "unknown binding type 'queue' (binding '$return')")]
    [InlineData(typeof(TwoCancellationTokens), "parameter 'second' is a second CancellationToken")]
    [InlineData(typeof(UnsupportedTrigger), "unknown binding type 'otherTrigger' (binding 'value')")]
    [InlineData(typeof(MissingQueueSetting), "the setting 'Samples:NotConfigured' used in '%Samples:NotConfigured%' is not configured")]
    [InlineData(typeof(InvalidQueueName), "the queue name 'bad_queue--name' may hold only lower-case letters")]
    [InlineData(typeof(MissingConnection), "The storage connection 'NotConfiguredStorage' is not configured")]
    [InlineData(typeof(FiveFieldSchedule), "the schedule '*/5 * * * *' is not an NCRONTAB expression with six fields")]
    [InlineData(typeof(TimeSpanSchedule), "the schedule '00:05:00' is not an NCRONTAB expression with six fields")]
    public void A_function_that_breaks_the_conventions_is_rejected_naming_its_method(Type type, string expected)
    {
        var message = ProblemsOf(type);

        Assert.Contains(expected, message);
        Assert.Contains(type.FullName!, message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var exception = Assert.Throws<LocalHostStartupException>(() => Discover(typeof(StaticMethod), typeof(QueueOfInt), typeof(GetItem)));

        Assert.Equal(2, exception.Problems.Count);
    }

    [Fact]
    public void Two_functions_with_the_same_name_in_any_case_are_rejected()
    {
        var exception = Assert.Throws<LocalHostStartupException>(() => Discover(typeof(DuplicateNameOne), typeof(DuplicateNameTwo)));

        Assert.Contains($"function 'duplicate' ({typeof(DuplicateNameTwo).FullName}.Run): the function name 'duplicate' is also used by {typeof(DuplicateNameOne).FullName}.Run",
            Assert.Single(exception.Problems));
    }

    [Fact]
    public void Two_functions_on_the_same_route_and_method_are_rejected()
    {
        var exception = Assert.Throws<LocalHostStartupException>(() => Discover(typeof(SameRouteOne), typeof(SameRouteTwo)));

        Assert.Contains("the route 'Same' is also served by function 'SameRouteOne'", Assert.Single(exception.Problems));
    }

    [Fact]
    public void A_function_class_whose_constructor_the_container_cannot_satisfy_is_rejected()
    {
        var catalog = Discover(typeof(NeedsUnregisteredService), typeof(GetItem));
        using var services = new ServiceCollection().BuildServiceProvider();

        var exception = Assert.Throws<LocalHostStartupException>(() => catalog.CheckActivation(services.GetRequiredService<IServiceProviderIsService>()));

        Assert.Contains($"{typeof(NeedsUnregisteredService).FullName}: no constructor can be satisfied from the container; not registered: Unregistered",
            Assert.Single(exception.Problems));
    }

    [Fact]
    public void Every_valid_sample_function_is_indexed()
    {
        var valid = typeof(FunctionCatalogTests).Assembly.GetTypes()
            .Where(type => type.Namespace is { } ns && ns.StartsWith("Observatory.LocalHost.Tests.Samples.", StringComparison.Ordinal)
                && !ns.EndsWith(".Invalid", StringComparison.Ordinal))
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0))
            .ToArray();
        var settings = new ConfigurationBuilder().AddConfiguration(Settings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Samples:MessageQueue"] = "messages", ["Samples:FailingQueue"] = "failing", ["Samples:FlakyQueue"] = "flaky", ["Samples:SlowQueue"] = "slow",
            ["Samples:GatedQueue"] = "gated",
        }).Build();

        var catalog = FunctionCatalog.Discover(typeof(FunctionCatalogTests).Assembly, settings, "api", valid.Contains);

        Assert.Equal(valid.Length, catalog.Functions.Count);
    }
}
