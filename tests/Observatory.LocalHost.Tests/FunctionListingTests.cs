using Microsoft.Extensions.Configuration;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Tests.Samples.Http;
using Observatory.LocalHost.Tests.Samples.Queues;
using Observatory.LocalHost.Tests.Samples.Timers;

namespace Observatory.LocalHost.Tests;

public sealed class FunctionListingTests
{
    [Fact]
    public void Each_function_is_listed_as_Core_Tools_lists_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = "UseDevelopmentStorage=true",
            ["Samples:TextQueue"] = "submissions",
        }).Build();
        Type[] served = [typeof(GetItem), typeof(EchoText), typeof(YearlyOnStartup)];
        var catalog = FunctionCatalog.Discover(typeof(GetItem).Assembly, configuration, "api", served.Contains);

        var lines = FunctionListing.Describe(catalog, "api", "http://127.0.0.1:7071/").Split(Environment.NewLine);

        Assert.Equal(
        [
            "Functions:", "",
            "\tEchoText: queueTrigger (queue 'submissions', connection 'Storage')", "",
            "\tGetItem: [GET] http://127.0.0.1:7071/api/items/{id}", "",
            "\tYearlyOnStartup: timerTrigger (schedule '0 0 6 1 3 *', runs on startup)",
        ], lines);
    }
}
