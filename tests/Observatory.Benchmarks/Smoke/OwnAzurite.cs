using System.Diagnostics;

namespace Observatory.Benchmarks.Smoke;

/// <summary>
/// An Azurite of the smoke test's own, on free ports, started and stopped with the repository's scripts. The
/// benchmarks run the local host's queue listener on the submissions queue and empty that queue; on the Azurite that
/// ./test.sh shares with the integration tests they would take those tests' messages.
/// </summary>
public sealed class OwnAzurite : IAsyncLifetime
{
    private string _root = string.Empty;
    private string _blobPort = string.Empty;

    /// <summary>Its connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _root = RepositoryRoot();
        _blobPort = (await RunAsync("scripts/free-port.sh", "10000")).Trim();
        await RunAsync("scripts/azurite.sh", "start", _blobPort);
        ConnectionString = (await RunAsync("scripts/azurite-connection.sh", _blobPort)).Trim();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_blobPort.Length > 0) await RunAsync("scripts/azurite.sh", "stop", _blobPort);
    }

    private async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(_root, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        // Azurite keeps its own output; the script's own streams end when it returns.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed: {await error}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln"))) return directory.FullName;
        throw new InvalidOperationException("Pipeline.sln was not found above the test's folder.");
    }
}
