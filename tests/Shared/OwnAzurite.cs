using System.Diagnostics;

namespace Observatory.Tests.Shared;

/// <summary>
/// An Azurite of a test's own, on free ports, started and stopped with the repository's scripts, away from the Azurite
/// the other tests share: for a test that must own every table of the account (the backup round trip wipes them), one
/// that runs the Function App's queue listeners or the benchmarks' (which would take other tests' messages from the
/// shared queues), or a long one that should run beside the others without changing what they read.
/// </summary>
public sealed class OwnAzurite : IAsyncLifetime
{
    private string _blobPort = string.Empty;

    /// <summary>Its connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // Several start at once (test classes side by side, the web portal's tests beside the .NET tests): each looks
        // from a random port, and a port taken between the look and the start costs another try, not the test.
        for (var attempt = 1; ; attempt++)
        {
            var from = Random.Shared.Next(20000, 32700).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _blobPort = (await Scripts.RunAsync("scripts/free-port.sh", new Dictionary<string, string>(), from)).Output.Trim();
            var started = await Scripts.RunAsync("scripts/azurite.sh", new Dictionary<string, string>(), "start", _blobPort);
            if (started.ExitCode == 0) break;
            if (attempt == 3) throw new InvalidOperationException($"Azurite did not start on port {_blobPort}: {started.Error}");
        }
        ConnectionString = (await Scripts.RunCheckedAsync("scripts/azurite-connection.sh", _blobPort)).Trim();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_blobPort.Length > 0) await Scripts.RunCheckedAsync("scripts/azurite.sh", "stop", _blobPort);
    }
}

/// <summary>The repository's shell scripts, run with bash from the repository's root.</summary>
public static class Scripts
{
    /// <summary>What a script printed and its exit status.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs a script with extra environment variables; returns whatever it returned.</summary>
    public static async Task<Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryFiles.PathOf(script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a script and returns its output; throws when it fails.</summary>
    public static async Task<string> RunCheckedAsync(string script, params string[] arguments)
    {
        var result = await RunAsync(script, new Dictionary<string, string>(), arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }
}
