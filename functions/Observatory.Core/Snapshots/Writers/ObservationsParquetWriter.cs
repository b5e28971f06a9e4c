using Parquet;
using Parquet.Schema;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>
/// observations.parquet: the table with proper column types, one row group per state so memory holds one state.
/// </summary>
/// <remarks>
/// Types: text columns are UTF-8 strings (required where every row has a value), year is int32, value is a nullable
/// double (counts are exact in a double; rates are rounded to two decimals before), accepted_at is a timestamp in
/// milliseconds adjusted to UTC. Snappy compression, which pyarrow, DuckDB and R arrow all read. The file carries no
/// time of writing: Parquet.Net records only its own name and version as the creator.
/// </remarks>
internal sealed class ObservationsParquetWriter(HashingStream output, ObservationsTable table) : IObservationsWriter
{
    private readonly DataField[] _fields = [.. table.Columns.Select(FieldOf)];
    private ParquetWriter? _writer;

    public HashingStream Output => output;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, append: false, cancellationToken);

    public async Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        using (var group = Writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
            {
                var column = table.Columns[c];
                var field = _fields[c];
                switch (column.Kind)
                {
                    case ColumnKind.Text:
                        await group.WriteAsync(field, rows.Select(column.Text!).ToArray());
                        break;
                    case ColumnKind.Year:
                        await group.WriteAsync<int>(field, rows.Select(r => r.Year).ToArray(), cancellationToken: cancellationToken);
                        break;
                    case ColumnKind.Number:
                        await group.WriteAsync<double>(field, rows.Select(r => (double?)r.Number).ToArray(), cancellationToken: cancellationToken);
                        break;
                    case ColumnKind.Timestamp:
                        await group.WriteAsync<DateTime>(field, rows.Select(r => r.AcceptedAt).ToArray(), cancellationToken: cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown column kind {column.Kind}.");
                }
            }
            group.CompleteValidate();
        }
        await output.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await Writer.DisposeAsync();
        await output.FlushAsync(cancellationToken);
    }

    private ParquetWriter Writer => _writer ?? throw new InvalidOperationException("The Parquet file has not been started.");

    private static DataField FieldOf(ObservationColumn column) => column.Kind switch
    {
        ColumnKind.Text => new DataField<string>(column.Name, nullable: !column.Field.Required),
        ColumnKind.Year => new DataField<int>(column.Name, nullable: false),
        ColumnKind.Number => new DataField<double?>(column.Name, nullable: true),
        ColumnKind.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false),
        _ => throw new InvalidOperationException($"Unknown column kind {column.Kind}."),
    };
}
