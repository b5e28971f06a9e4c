using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Ports;

/// <summary>
/// The staff's reports of what disclosure control withheld in each snapshot version, and its audit. Private: a
/// report names true values of small counts.
/// </summary>
public interface IDisclosureReportStore
{
    /// <summary>
    /// Opens the report of a version for writing (JSON as <see cref="DisclosureReportWriter"/> writes it); it is written
    /// before the version is listed, so every listed version has one. Disposing the stream completes the report.
    /// </summary>
    Task<Stream> OpenWriteAsync(int year, string version, CancellationToken cancellationToken);

    /// <summary>The report of a version, or null when there is none.</summary>
    Task<DisclosureReport?> FindAsync(int year, string version, CancellationToken cancellationToken);
}
