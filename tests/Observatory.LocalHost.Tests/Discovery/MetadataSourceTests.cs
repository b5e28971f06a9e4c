using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Tests.Samples.Http;
using Observatory.LocalHost.Tests.Samples.Queues;

namespace Observatory.LocalHost.Tests.Discovery;

/// <summary>functions.metadata, not the method's attributes, says what is served; the entry point says what runs it.</summary>
public sealed class MetadataSourceTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage"] = "UseDevelopmentStorage=true",
        ["Samples:Queue"] = "From-Setting",
    }).Build();

    private static FunctionCatalog Discover(params JsonObject[] functions) =>
        MetadataFiles.Discover(MetadataFiles.Write(functions), Settings);

    [Fact]
    public void An_http_function_is_served_on_the_route_and_methods_of_its_metadata_by_the_method_its_entry_point_names()
    {
        // DefaultRoute's attribute declares no route and no method.
        var function = Assert.IsType<HttpFunction>(Assert.Single(Discover(MetadataFiles.Http("Elsewhere", "/elsewhere/path/", "put", "Patch")).Functions));

        Assert.Equal("Elsewhere", function.Name);
        Assert.Equal("elsewhere/path", function.Route);
        Assert.Equal(["PUT", "PATCH"], function.HttpMethods);
        Assert.Equal(typeof(DefaultRoute).GetMethod(nameof(DefaultRoute.Run)), function.Method);
        Assert.Equal("Elsewhere", function.Metadata.Name);
    }

    [Fact]
    public void A_queue_function_listens_on_the_queue_of_its_metadata_with_settings_resolved()
    {
        var function = Assert.Single(Discover(MetadataFiles.Queue("Echo", "%Samples:Queue%")).QueueFunctions);

        Assert.Equal("from-setting", function.QueueName);
        Assert.Equal("Storage", function.ConnectionName);
        Assert.Equal(typeof(EchoText), function.FunctionType);
    }

    [Fact]
    public void A_timer_takes_its_schedule_run_on_startup_and_monitor_from_its_metadata()
    {
        var timer = new JsonObject
        {
            ["name"] = "timer", ["direction"] = "In", ["type"] = "timerTrigger", ["schedule"] = "0 0 2 * * *",
            ["runOnStartup"] = true, ["useMonitor"] = false,
        };

        var function = Assert.Single(Discover(MetadataFiles.Function("Nightly", $"{typeof(Samples.Timers.Yearly).FullName}.Run", timer)).TimerFunctions);

        Assert.Equal("0 0 2 * * *", function.ScheduleExpression);
        Assert.True(function.RunOnStartup);
        Assert.False(function.UseMonitor);
    }

    [Fact]
    public void A_function_whose_trigger_binding_names_no_parameter_of_its_method_is_refused()
    {
        var trigger = new JsonObject { ["name"] = "input", ["direction"] = "In", ["type"] = "queueTrigger", ["queueName"] = "work", ["connection"] = "Storage" };

        var problem = Assert.Single(Assert.Throws<LocalHostStartupException>(() =>
            Discover(MetadataFiles.Function("Echo", $"{typeof(EchoText).FullName}.Run", trigger))).Problems);

        Assert.Contains("has no parameter named 'input', which its queueTrigger binding names", problem);
    }
}
