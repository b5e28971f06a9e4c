using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.LocalHost;

/// <summary>What the local host serves and where it finds its files.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The default address, the one the Functions runtime listens on locally.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The Function App's assembly, whose functions.metadata says what is served and whose methods run it.</summary>
    public required Assembly FunctionsAssembly { get; init; }

    /// <summary>
    /// The functions.metadata that declares what is served; by default the one the Worker SDK wrote beside
    /// <see cref="FunctionsAssembly"/>.
    /// </summary>
    public string? FunctionsMetadataPath { get; init; }

    /// <summary>When set, only the classes it accepts are served (tests serve a few classes of their own).</summary>
    public Func<Type, bool>? IncludeType { get; init; }

    /// <summary>
    /// The Function App's composition root (the same call as its Program.cs), run on the local host's
    /// <see cref="IFunctionsWorkerApplicationBuilder"/>: its services join the host's and its worker middleware runs
    /// around every invocation, in the order it was added.
    /// </summary>
    public Action<IFunctionsWorkerApplicationBuilder, IConfiguration>? ConfigureWorker { get; init; }

    /// <summary>
    /// Registers services of this host only, after <see cref="ConfigureWorker"/>, so a registration here replaces the
    /// app's (e.g. the emulation of Event Grid, or storage clients that count their requests).
    /// </summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; init; }

    /// <summary>
    /// Changes the builder before the functions are indexed, after the configuration sources are in place: settings
    /// added here take precedence over the command line.
    /// </summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }

    /// <summary>
    /// The host.json to read; by default the one in the local host's folder, else the one beside the Function App's
    /// assembly.
    /// </summary>
    public string? HostJsonPath { get; init; }

    /// <summary>
    /// The local.settings.json to read; by default the one in the local host's folder, else the one beside the
    /// Function App's assembly, else none.
    /// </summary>
    public string? LocalSettingsPath { get; init; }

    /// <summary>Where monitored timers keep their schedule status; by default ".localhost/timers" in the local host's folder.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>
    /// How long a received queue message stays invisible while its function runs; the lease is renewed at every half
    /// of it for as long as the function runs.
    /// </summary>
    public TimeSpan QueueMessageLease { get; init; } = TimeSpan.FromMinutes(10);
}
