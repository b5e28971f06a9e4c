using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Configuration;

namespace Observatory.LocalHost.Tests.Configuration;

public sealed class HostJsonSettingsTests
{
    [Fact]
    public void An_empty_host_json_has_the_Functions_host_defaults()
    {
        var settings = HostJsonSettings.Parse("""{ "version": "2.0" }""", processorCount: 4);

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(16, settings.Queues.BatchSize);
        Assert.Equal(4 * 16 / 2, settings.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, settings.Queues.VisibilityTimeout);
        Assert.Equal(5, settings.Queues.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.Base64, settings.Queues.MessageEncoding);
        Assert.Empty(settings.LogLevels);
    }

    [Fact]
    public void The_queue_settings_and_log_levels_are_read_case_insensitively_with_comments()
    {
        var settings = HostJsonSettings.Parse("""
            {
              // comments are allowed, as in Functions
              "version": "2.0",
              "logging": { "logLevel": { "default": "Warning", "Function": "debug" } },
              "Extensions": {
                "HTTP": { "routePrefix": "/v1/" },
                "queues": { "BatchSize": 8, "maxPollingInterval": "00:00:02", "visibilityTimeout": "00:00:05",
                            "maxDequeueCount": 2, "messageEncoding": "none", },
              }
            }
            """, processorCount: 2);

        Assert.Equal("v1", settings.RoutePrefix);
        Assert.Equal(8, settings.Queues.BatchSize);
        Assert.Equal(2 * 8 / 2, settings.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Queues.VisibilityTimeout);
        Assert.Equal(2, settings.Queues.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.None, settings.Queues.MessageEncoding);
        Assert.Equal(LogLevel.Warning, settings.LogLevels["default"]);
        Assert.Equal(LogLevel.Debug, settings.LogLevels["Function"]);
    }

    [Fact]
    public void An_empty_route_prefix_serves_routes_at_the_root()
    {
        Assert.Equal("", HostJsonSettings.Parse("""{ "extensions": { "http": { "routePrefix": "" } } }""", 1).RoutePrefix);
    }

    [Fact]
    public void An_explicit_new_batch_threshold_is_kept()
    {
        Assert.Equal(1, HostJsonSettings.Parse("""{ "extensions": { "queues": { "newBatchThreshold": 1 } } }""", 8).Queues.NewBatchThreshold);
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "batchSize": 33 } } }""", "extensions.queues.batchSize must be between 1 and 32")]
    [InlineData("""{ "extensions": { "queues": { "batchSize": "8" } } }""", "extensions.queues.batchSize must be a whole number")]
    [InlineData("""{ "extensions": { "queues": { "maxPollingInterval": "00:00:00.050" } } }""", "maxPollingInterval must be at least 00:00:00.100")]
    [InlineData("""{ "extensions": { "queues": { "visibilityTimeout": "soon" } } }""", "visibilityTimeout must be a duration")]
    [InlineData("""{ "extensions": { "queues": { "maxDequeueCount": 0 } } }""", "maxDequeueCount must be at least 1")]
    [InlineData("""{ "extensions": { "queues": { "messageEncoding": "utf8" } } }""", "messageEncoding must be \"base64\" or \"none\"")]
    [InlineData("""{ "logging": { "logLevel": { "default": "Loud" } } }""", "logging.logLevel.default must be a log level")]
    [InlineData("""{ "extensions": """, "not valid JSON")]
    public void An_invalid_value_is_rejected_naming_it(string json, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => HostJsonSettings.Parse(json, 1));

        Assert.Contains(expected, exception.Message);
    }

    [Fact]
    public void Loading_names_the_file_of_an_invalid_value()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hostjson-").FullName, "host.json");
        File.WriteAllText(path, """{ "extensions": { "queues": { "maxDequeueCount": -1 } } }""");

        var exception = Assert.Throws<LocalHostStartupException>(() => HostJsonSettings.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("maxDequeueCount", exception.Message);
    }
}
