using System.Text.Encodings.Web;
using System.Text.Json;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>
/// observations.json: a JSON array of row objects with the same fields as the CSV, one row per line so the file can
/// be read, diffed and split by line. Blank cells are null; the value is a JSON number written in the CSV's form.
/// </summary>
internal sealed class ObservationsJsonWriter(HashingStream output, ObservationsTable table) : IObservationsWriter
{
    // Accents stay readable: the file is data, never embedded in HTML, so the relaxed escaping is safe here.
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false });
    private readonly JsonEncodedText[] _names = [.. table.Columns.Select(c => JsonEncodedText.Encode(c.Name))];
    private bool _anyRow;

    public HashingStream Output => output;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        output.Write("["u8);
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            output.Write(_anyRow ? ",\n"u8 : "\n"u8);
            _anyRow = true;
            _json.Reset();
            _json.WriteStartObject();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                _json.WritePropertyName(_names[c]);
                WriteCell(table.Columns[c], row);
            }
            _json.WriteEndObject();
            _json.Flush();
        }
        await output.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        output.Write("\n]\n"u8);
        await _json.DisposeAsync();
        await output.FlushAsync(cancellationToken);
    }

    private void WriteCell(ObservationColumn column, PublishedRow row)
    {
        switch (column.Kind)
        {
            case ColumnKind.Text when column.Text!(row) is { } text:
                _json.WriteStringValue(text);
                break;
            case ColumnKind.Year:
                _json.WriteNumberValue(row.Year);
                break;
            case ColumnKind.Number when row.Text.Value is { } number:
                _json.WriteRawValue(number, skipInputValidation: true);
                break;
            case ColumnKind.Timestamp:
                _json.WriteStringValue(row.Text.AcceptedAt);
                break;
            default:
                _json.WriteNullValue();
                break;
        }
    }
}
