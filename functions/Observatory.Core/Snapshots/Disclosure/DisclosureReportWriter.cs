using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Writes a <see cref="DisclosureReport"/> as JSON, one state's tables at a time as the compiler produces them, so
/// the report never has to be held whole (it grows with the withheld cells of every state).
/// </summary>
public sealed class DisclosureReportWriter : IAsyncDisposable
{
    /// <summary>How the report is serialized (camelCase names and enum values), for writers and readers alike.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private readonly Utf8JsonWriter _json;
    private readonly Stream _output;

    /// <summary>Starts the report of a version on <paramref name="output"/>.</summary>
    public DisclosureReportWriter(Stream output, int year, string version, int threshold, IEnumerable<string> earlierVersions)
    {
        _output = output;
        _json = new Utf8JsonWriter(output);
        _json.WriteStartObject();
        _json.WriteNumber("year", year);
        _json.WriteString("version", version);
        _json.WriteNumber("threshold", threshold);
        _json.WriteStartArray("earlierVersions");
        foreach (var earlier in earlierVersions)
            _json.WriteStringValue(earlier);
        _json.WriteEndArray();
        _json.WriteStartArray("tables");
    }

    private readonly SortedDictionary<string, string> _submissions = new(StringComparer.Ordinal);

    /// <summary>Appends the tables of one state, whose published data comes from <paramref name="submissionId"/>.</summary>
    public async Task WriteAsync(string country, string submissionId, IEnumerable<DisclosureTableReport> tables, CancellationToken cancellationToken)
    {
        _submissions[country] = submissionId;
        foreach (var table in tables)
            JsonSerializer.Serialize(_json, table, Json);
        await _json.FlushAsync(cancellationToken);
    }

    /// <summary>Closes the report's JSON.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        // Last, once every state is known: what the next version's audit reads first.
        _json.WritePropertyName("submissions");
        JsonSerializer.Serialize(_json, _submissions, Json);
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _json.DisposeAsync();
}
