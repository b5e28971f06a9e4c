using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observatory.Functions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>A suppression threshold below 3 stops the app at start-up, where the host validates its options.</summary>
public sealed class SuppressionThresholdSettingTests
{
    [Theory]
    [InlineData("2", false)]
    [InlineData("1", false)]
    [InlineData("3", true)]
    [InlineData("5", true)]
    public void The_start_up_check_refuses_a_threshold_below_three(string threshold, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = TestStorage.ConnectionString,
            ["Observatory:SuppressionThreshold"] = threshold,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddObservatory(configuration).BuildServiceProvider();

        // What the host runs before anything else starts (ValidateOnStart).
        var validate = () => services.GetRequiredService<IStartupValidator>().Validate();

        if (starts)
            validate();
        else
            Assert.Contains("SuppressionThreshold must be at least 3", Assert.Throws<OptionsValidationException>(validate).Message);
    }
}
