using Sylvan.Data.Csv;

namespace Observatory.Core.Snapshots.Revisions;

/// <summary>
/// The cells that the previous published version of a year showed, read back from its observations.csv: the basis
/// of changes.csv. Holds only what that version published (withheld cells without their value).
/// </summary>
public sealed class PreviousRelease
{
    private readonly Dictionary<string, Dictionary<string, PublishedCell>> _byState;

    private PreviousRelease(string version, Dictionary<string, Dictionary<string, PublishedCell>> byState)
    {
        Version = version;
        _byState = byState;
    }

    /// <summary>The version these cells were published in.</summary>
    public string Version { get; }

    /// <summary>The states that version published, in ISO3 order.</summary>
    internal IEnumerable<string> States => _byState.Keys.Order(StringComparer.Ordinal);

    /// <summary>The cells of one state, keyed by <see cref="CellKey"/>; empty when the state was not published.</summary>
    internal IReadOnlyDictionary<string, PublishedCell> CellsOf(string iso3) =>
        _byState.TryGetValue(iso3, out var cells) ? cells : new Dictionary<string, PublishedCell>();

    /// <summary>The key of a cell within its state: indicator and dimension codes, blank for a dimension it lacks.</summary>
    internal static string CellKey(string indicator, IEnumerable<string?> dimensions) =>
        string.Join('|', dimensions.Prepend(indicator).Select(d => d ?? string.Empty));

    /// <summary>
    /// Reads the observations.csv of version <paramref name="version"/>. Columns are found by name, so a file written
    /// before a column was added still reads; a dimension column the file lacks counts as blank.
    /// </summary>
    /// <param name="version">The version the file belongs to.</param>
    /// <param name="observationsCsv">The file's content (UTF-8, with or without a byte-order mark).</param>
    /// <param name="dimensionIds">The dimension columns of the current catalog, in order.</param>
    /// <exception cref="InvalidDataException">The file lacks the country, indicator, value or flag column.</exception>
    public static PreviousRelease Read(string version, Stream observationsCsv, IReadOnlyList<string> dimensionIds)
    {
        ArgumentNullException.ThrowIfNull(observationsCsv);
        ArgumentNullException.ThrowIfNull(dimensionIds);
        using var text = new StreamReader(observationsCsv, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, CsvStyle = CsvStyle.Standard });
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
            ordinals.TryAdd(csv.GetName(i), i);
        int Column(string name, bool required) =>
            ordinals.TryGetValue(name, out var ordinal) ? ordinal
            : required ? throw new InvalidDataException($"The observations.csv of version {version} has no {name} column.")
            : -1;
        int country = Column("country", true), indicator = Column("indicator", true), value = Column("value", true), flag = Column("flag", true);
        var code = Column("value_code", false);
        var dimensions = dimensionIds.Select(d => Column(d, false)).ToArray();

        var byState = new Dictionary<string, Dictionary<string, PublishedCell>>(StringComparer.Ordinal);
        while (csv.Read())
        {
            string? Cell(int ordinal) => ordinal < 0 || csv.GetString(ordinal) is not { Length: > 0 } cell ? null : cell;
            var state = Cell(country) ?? throw new InvalidDataException($"The observations.csv of version {version} has a row without a country.");
            if (!byState.TryGetValue(state, out var cells))
                byState[state] = cells = new Dictionary<string, PublishedCell>(StringComparer.Ordinal);
            var key = CellKey(Cell(indicator) ?? string.Empty, dimensions.Select(Cell));
            cells[key] = new PublishedCell(Cell(value), Cell(code), Cell(flag));
        }
        return new PreviousRelease(version, byState);
    }
}
