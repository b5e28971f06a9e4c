namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>
/// The Function App's build output (functions/Observatory.Functions/bin), which ./test.sh builds before the tests run:
/// its functions.metadata is the one the Worker SDK wrote for Azure.
/// </summary>
public static class FunctionAppBuild
{
    /// <summary>functions.metadata in the Function App's output for this test run's configuration and framework.</summary>
    public static string MetadataPath { get; } = FindMetadata();

    /// <summary>The Function App's host.json, the one at the repository's root that both hosts read.</summary>
    public static string HostJsonPath { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(MetadataPath)!, "..", "..", "..", "..", "..", "host.json"));

    private static string FindMetadata()
    {
        // This assembly runs from tests/Observatory.LocalHost.Tests/bin/<configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "functions", "Observatory.Functions");
            if (File.Exists(Path.Combine(project, "Observatory.Functions.csproj")))
                return Path.Combine(project, "bin", configuration, framework, "functions.metadata");
        }
        throw new InvalidOperationException($"functions/Observatory.Functions was not found above {output.FullName}.");
    }
}
