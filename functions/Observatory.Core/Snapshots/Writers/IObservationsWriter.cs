namespace Observatory.Core.Snapshots.Writers;

/// <summary>Writes the observations table in one format, one state at a time.</summary>
internal interface IObservationsWriter
{
    /// <summary>The file being written.</summary>
    HashingStream Output { get; }

    /// <summary>Writes the header, before any state.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Appends one state's rows, already in table order, and sends them on to the output.</summary>
    Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken);

    /// <summary>Writes what ends the file (footer, closing bracket, zip directory); the caller then disposes <see cref="Output"/>.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
