using System.Globalization;
using Observatory.Core.Snapshots.Writers;

namespace Observatory.Core.Snapshots.Revisions;

/// <summary>How many cells a version added, removed and changed against the previous one.</summary>
/// <param name="PreviousVersion">The version compared against.</param>
/// <param name="Added">Cells published now and not before.</param>
/// <param name="Removed">Cells published before and not now.</param>
/// <param name="Changed">Cells published in both whose value, code or flag differs.</param>
public sealed record ChangesSummary(string PreviousVersion, long Added, long Removed, long Changed);

/// <summary>
/// changes.csv: every cell that this version adds, removes or changes against the previous published version of the
/// year, with the value, code and flag each version published. Built only from what both versions published: a
/// withheld cell has no value on its side, only its flag. A note that changed alone is not a change of the cell.
/// Written state by state beside the observation files, in the same order.
/// </summary>
internal sealed class ChangesCsvWriter(HashingStream output, ObservationsTable table, PreviousRelease previous, int year) : IObservationsWriter
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";

    private readonly CsvTableWriter _csv = new(output);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly string[] _dimensions = [.. table.Columns.Skip(DimensionStart(table)).Take(DimensionCount(table)).Select(c => c.Name)];
    private long _added, _removed, _changed;

    /// <summary>The columns of changes.csv.</summary>
    public static IReadOnlyList<TableField> Fields(ObservationsTable table) =>
    [
        new("country", "string", "The reporting member state, ISO 3166-1 alpha-3 code.") { Required = true },
        new("year", "integer", "The reporting year.") { Required = true },
        new("indicator", "string", "The indicator code.") { Required = true },
        .. table.Columns.Skip(DimensionStart(table)).Take(DimensionCount(table)).Select(c => c.Field with { Categories = null, Required = false }),
        new("change", "string", "added: published now, not in the previous version; removed: published there, not now; changed: its value, code or flag differs.")
        {
            Categories = [new(Added, "Added"), new(Removed, "Removed"), new(Changed, "Changed")],
            Required = true,
        },
        new("previous_value", "number", "The value the previous version published; blank when it had none (withheld, coded or absent)."),
        new("previous_value_code", "string", "The code the previous version published for a coded indicator."),
        new("previous_flag", "string", "The previous version's flag (suppressed: withheld, without a value)."),
        new("value", "number", "The value this version publishes; blank when it has none (withheld, coded or removed)."),
        new("value_code", "string", "The code this version publishes for a coded indicator."),
        new("flag", "string", "This version's flag (suppressed: withheld, without a value)."),
    ];

    public HashingStream Output => output;

    /// <summary>The counts, once <see cref="CompleteAsync"/> has run.</summary>
    public ChangesSummary Summary => new(previous.Version, _added, _removed, _changed);

    public Task StartAsync(CancellationToken cancellationToken) =>
        _csv.WriteRowAsync(Fields(table).Select(f => f.Name), cancellationToken);

    public async Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        var state = rows[0].State.Iso3;
        // States of the previous version that come before this one and have no data now: all their cells are gone.
        foreach (var gone in previous.States.Where(s => string.CompareOrdinal(s, state) < 0 && !_seen.Contains(s)).ToList())
            await WriteRemovedAsync(gone, new HashSet<string>(StringComparer.Ordinal), cancellationToken);
        _seen.Add(state);

        var before = previous.CellsOf(state);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = PreviousRelease.CellKey(row.Indicator.Code, row.Dimensions);
            present.Add(key);
            var now = new PublishedCell(row.Text.Value, row.Code, row.Flag);
            if (!before.TryGetValue(key, out var then))
            {
                await WriteAsync(state, row.Indicator.Code, row.Dimensions, Added, null, now, cancellationToken);
                _added++;
            }
            else if (then != now)
            {
                await WriteAsync(state, row.Indicator.Code, row.Dimensions, Changed, then, now, cancellationToken);
                _changed++;
            }
        }
        await WriteRemovedAsync(state, present, cancellationToken);
        await _csv.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var gone in previous.States.Where(s => !_seen.Contains(s)).ToList())
            await WriteRemovedAsync(gone, new HashSet<string>(StringComparer.Ordinal), cancellationToken);
        await _csv.FlushAsync(cancellationToken);
        await _csv.DisposeAsync();
    }

    private async Task WriteRemovedAsync(string state, HashSet<string> present, CancellationToken cancellationToken)
    {
        _seen.Add(state);
        foreach (var (key, then) in previous.CellsOf(state))
        {
            if (present.Contains(key))
                continue;
            var parts = key.Split('|');
            await WriteAsync(state, parts[0], [.. parts.Skip(1).Select(p => p.Length == 0 ? null : p)], Removed, then, null, cancellationToken);
            _removed++;
        }
        await _csv.FlushAsync(cancellationToken);
    }

    private Task WriteAsync(string state, string indicator, IReadOnlyList<string?> dimensions, string change, PublishedCell? then, PublishedCell? now, CancellationToken cancellationToken)
    {
        _csv.Field(state);
        _csv.Field(year.ToString("0000", CultureInfo.InvariantCulture));
        _csv.Field(indicator);
        for (var i = 0; i < _dimensions.Length; i++)
            _csv.Field(i < dimensions.Count ? dimensions[i] : null);
        _csv.Field(change);
        _csv.Field(then?.Value);
        _csv.Field(then?.Code);
        _csv.Field(then?.Flag);
        _csv.Field(now?.Value);
        _csv.Field(now?.Code);
        _csv.Field(now?.Flag);
        return _csv.EndRowAsync(cancellationToken);
    }

    private static int DimensionStart(ObservationsTable table) => table.Columns.ToList().FindIndex(c => c.Name == "indicator") + 1;

    private static int DimensionCount(ObservationsTable table) => table.Columns.ToList().FindIndex(c => c.Name == "value") - DimensionStart(table);
}
