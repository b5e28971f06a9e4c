using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Observatory.Core.Snapshots.Metadata;
using Observatory.Core.Snapshots.Sdmx;
using Observatory.Core.Snapshots.Writers;

namespace Observatory.Core.Snapshots.Series;

/// <summary>
/// Compiles a version of the time series across years: the rows of each year's published annual version, read back
/// from its observations.json, written with the annual snapshot's own writers (see <see cref="SeriesFileNames"/>).
/// </summary>
/// <remarks>
/// <para>
/// Disclosure control: the series is made of published files only, each with its <c>suppressed</c> flags, so it
/// publishes no cell, value or note that the year's version did not already publish; it computes no new cell (the
/// derived rates are those each year published). The audit of each year, which covers every version of the year,
/// therefore covers the series.
/// </para>
/// <para>
/// Memory holds one state of one year at a time, as in the annual compile. The data files depend on the sources and
/// the reference data only (<see cref="BasisOf"/>), never on the series' version or time.
/// </para>
/// </remarks>
public sealed class SeriesCompiler
{
    /// <summary>
    /// The SHA-256 of what the series' data files are made from: each source (year, version, SHA-256 of its
    /// observations.json), the catalog version and the side tables as this reference data writes them.
    /// </summary>
    public static async Task<string> BasisOf(SeriesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var basis = new StringBuilder();
        basis.Append("catalog ").Append(request.Catalog.Version).Append('\n');
        foreach (var source in request.Sources)
            basis.Append(CultureInfo.InvariantCulture, $"{source.Year} {source.Version} {source.ObservationsSha256}\n");
        var discard = new DiscardingOutput();
        foreach (var file in await WriteSideTablesAsync(discard, request, new SdmxStructure(new CatalogIndex(request.Catalog), request.States), cancellationToken))
            basis.Append(file.Name).Append(' ').Append(file.Sha256).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis.ToString())));
    }

    /// <summary>Compiles the series and writes its files to <paramref name="output"/>.</summary>
    /// <param name="request">The years, versions and reference data.</param>
    /// <param name="openObservationsJson">Opens the observations.json of a source's annual version.</param>
    /// <param name="output">Where the files go, each created once.</param>
    /// <param name="cancellationToken">Cancels the compilation.</param>
    /// <returns>Every file written, with its size, SHA-256 and media type.</returns>
    /// <exception cref="InvalidDataException">A published file does not fit the reference data.</exception>
    public async Task<SeriesManifest> CompileAsync(
        SeriesRequest request, Func<SeriesSource, CancellationToken, Task<Stream>> openObservationsJson, ISnapshotOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(openObservationsJson);
        ArgumentNullException.ThrowIfNull(output);
        request.Validate();
        var basis = await BasisOf(request, cancellationToken);

        var index = new CatalogIndex(request.Catalog);
        var table = new ObservationsTable(index, request.States, series: true);
        var sdmx = new SdmxStructure(index, request.States);
        var written = new List<SnapshotFile>();
        var states = new HashSet<string>(StringComparer.Ordinal);
        var counts = new List<(SeriesSource Source, int States, long Rows, long Withheld)>();

        var writers = new IObservationsWriter[]
        {
            new ObservationsCsvWriter(await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.ObservationsCsv, SnapshotContentTypes.Csv, cancellationToken), table),
            new ObservationsParquetWriter(await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.ObservationsParquet, SnapshotContentTypes.Parquet, cancellationToken), table),
            new ObservationsJsonWriter(await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.ObservationsJson, SnapshotContentTypes.Json, cancellationToken), table),
            new ObservationsXlsxWriter(await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.ObservationsXlsx, SnapshotContentTypes.Xlsx, cancellationToken), table),
            new ObservationsSdmxCsvWriter(await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.ObservationsSdmxCsv, SnapshotContentTypes.Csv, cancellationToken), sdmx),
            new Sdg.SdgWriter(await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.Sdg, SnapshotContentTypes.Csv, cancellationToken), index),
        };
        try
        {
            foreach (var writer in writers)
                await writer.StartAsync(cancellationToken);
            foreach (var source in request.Sources)
            {
                int yearStates = 0;
                long rows = 0, withheld = 0;
                await using var json = await openObservationsJson(source, cancellationToken);
                await foreach (var stateRows in PublishedRowReader.ReadStatesAsync(json, source, index, request.States, cancellationToken))
                {
                    foreach (var writer in writers)
                        await writer.WriteStateAsync(stateRows, cancellationToken);
                    states.Add(stateRows[0].State.Iso3);
                    yearStates++;
                    rows += stateRows.Count;
                    withheld += stateRows.Count(r => r.IsSuppressed);
                }
                counts.Add((source, yearStates, rows, withheld));
            }
            foreach (var writer in writers)
            {
                await writer.CompleteAsync(cancellationToken);
                written.Add(await SnapshotCompiler.CloseAsync(writer.Output));
            }
        }
        finally
        {
            foreach (var writer in writers)
                await writer.Output.DisposeAsync();
        }
        var statistics = new SnapshotStatistics(states.Count, counts.Sum(c => c.Rows), counts.Sum(c => c.Withheld));

        written.Add(await SnapshotCompiler.WriteCsvAsync(output, SeriesFileNames.Years, YearFields.Select(f => f.Name),
            counts.Select(c => YearRow(c.Source, c.States, c.Rows, c.Withheld)), cancellationToken));
        written.AddRange(await WriteSideTablesAsync(output, request, sdmx, cancellationToken));

        var annual = request.AsSnapshotRequest();
        written.Add(await SnapshotCompiler.WriteBytesAsync(output, SnapshotFileNames.SdmxStructure, SnapshotContentTypes.Xml,
            SdmxStructureWriter.Write(sdmx, annual, $"{SdmxStructure.DsdId}_SERIES_{request.Version}"), cancellationToken));
        written.Add(await SnapshotCompiler.WriteBytesAsync(output, SnapshotFileNames.Readme, SnapshotContentTypes.Markdown,
            SeriesReadmeWriter.Write(request, table, written, statistics), cancellationToken));
        await using (var package = await SnapshotCompiler.CreateAsync(output, SnapshotFileNames.DataPackage, SnapshotContentTypes.Json, cancellationToken))
        {
            DataPackageWriter.Write(package, annual, table, written, statistics, sdmx, SeriesPackageHeader(request));
            written.Add(await SnapshotCompiler.CloseAsync(package));
        }
        written.Add(await SnapshotCompiler.WriteBytesAsync(output, SnapshotFileNames.Checksums, SnapshotContentTypes.PlainText, ChecksumsWriter.Write(written), cancellationToken));

        // The counts are those of the rows read, which are what each source published.
        var sources = counts.Select(c => c.Source with { States = c.States, Rows = c.Rows, Withheld = c.Withheld }).ToList();
        return new SeriesManifest(request.Version, request.CreatedAt, sources, basis, written, statistics);
    }

    /// <summary>The columns of years.csv.</summary>
    internal static IReadOnlyList<TableField> YearFields { get; } =
    [
        new("year", "integer", "A reporting year in the series.") { Required = true },
        new(ObservationsTable.SeriesVersionColumn, "string", "The version of the year's annual snapshot whose rows the series carries: the first version that published them as they stand (any later version of the year published the same rows byte for byte).") { Required = true },
        new("states", "integer", "States with data in that version.") { Required = true },
        new("rows", "integer", "Rows of the year in the series, the same as in that version's observations.") { Required = true },
        new("withheld", "integer", "Rows of the year published without their value (flag suppressed), as in that version.") { Required = true },
        new("observations_json_sha256", "string", "The SHA-256 of that version's observations.json, as its SHA256SUMS lists it.") { Required = true },
    ];

    private static IEnumerable<string?> YearRow(SeriesSource source, int states, long rows, long withheld) =>
    [
        PublishedFormat.Year(source.Year), source.Version, states.ToString(CultureInfo.InvariantCulture),
        rows.ToString(CultureInfo.InvariantCulture), withheld.ToString(CultureInfo.InvariantCulture), source.ObservationsSha256,
    ];

    private static async Task<List<SnapshotFile>> WriteSideTablesAsync(ISnapshotOutput output, SeriesRequest request, SdmxStructure sdmx, CancellationToken cancellationToken) =>
    [
        await SnapshotCompiler.WriteCsvAsync(output, SnapshotFileNames.IndicatorsCsv,
            SideTables.IndicatorFields.Select(f => f.Name), request.Catalog.Indicators.Select(SideTables.IndicatorRow), cancellationToken),
        await SnapshotCompiler.WriteCsvAsync(output, SnapshotFileNames.CodelistsCsv, CodelistsTable.Fields.Select(f => f.Name), CodelistsTable.Rows(sdmx), cancellationToken),
    ];

    private static PackageHeader SeriesPackageHeader(SeriesRequest request) => new(
        "observatory-indicators-series",
        $"{request.Title}, {request.Span}",
        $"The indicators on trafficking and sexual exploitation of children that the member states reported for {request.Span}, as accepted by {request.Publisher}: " +
        $"for each year, the rows of its latest published annual snapshot (see years.csv and the column {ObservationsTable.SeriesVersionColumn}). " +
        SeriesReadmeWriter.DisclosureStatement + $" Catalog version {request.Catalog.Version}.",
        $"The published annual snapshots of the reporting years {request.Span}, each year's latest version");

    /// <summary>Files that go nowhere, for the checksums of <see cref="BasisOf"/>.</summary>
    private sealed class DiscardingOutput : ISnapshotOutput
    {
        public Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken) => Task.FromResult(Stream.Null);
    }
}
