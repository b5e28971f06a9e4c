using System.Text.Json;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The disclosure reports in memory, read back with the writer's own JSON options as the blob store does.</summary>
internal sealed class MemoryDisclosureReportStore : IDisclosureReportStore
{
    private readonly MemoryFiles _files = new();

    public Task<Stream> OpenWriteAsync(int year, string version, CancellationToken cancellationToken) =>
        Task.FromResult(_files.Create($"{year}/{version}", "application/json"));

    public Task<DisclosureReport?> FindAsync(int year, string version, CancellationToken cancellationToken) =>
        Task.FromResult(_files.Read($"{year}/{version}") is { } bytes ? JsonSerializer.Deserialize<DisclosureReport>(bytes, DisclosureReportWriter.Json) : null);
}
