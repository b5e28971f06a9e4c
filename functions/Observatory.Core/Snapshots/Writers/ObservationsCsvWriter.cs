namespace Observatory.Core.Snapshots.Writers;

/// <summary>observations.csv: the table as CSV, numbers and times in the fixed forms of <see cref="PublishedFormat"/>.</summary>
internal sealed class ObservationsCsvWriter(HashingStream output, ObservationsTable table) : IObservationsWriter
{
    private readonly CsvTableWriter _csv = new(output);

    public HashingStream Output => output;

    public Task StartAsync(CancellationToken cancellationToken) =>
        _csv.WriteRowAsync(table.Columns.Select(c => c.Name), cancellationToken);

    public async Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            foreach (var column in table.Columns)
                _csv.Field(Cell(column, row));
            await _csv.EndRowAsync(cancellationToken);
        }
        await _csv.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _csv.FlushAsync(cancellationToken);
        await _csv.DisposeAsync();
    }

    private static string? Cell(ObservationColumn column, PublishedRow row) => column.Kind switch
    {
        ColumnKind.Text => column.Text!(row),
        ColumnKind.Year => row.Text.Year,
        ColumnKind.Number => row.Text.Value,
        ColumnKind.Timestamp => row.Text.AcceptedAt,
        _ => throw new InvalidOperationException($"Unknown column kind {column.Kind}."),
    };
}
