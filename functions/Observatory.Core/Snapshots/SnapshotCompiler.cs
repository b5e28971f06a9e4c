using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots.Disclosure;
using Observatory.Core.Snapshots.Metadata;
using Observatory.Core.Snapshots.Revisions;
using Observatory.Core.Snapshots.Sdmx;
using Observatory.Core.Snapshots.Writers;

namespace Observatory.Core.Snapshots;

/// <summary>
/// Compiles the annual open-data snapshot of a reporting year from the accepted data of each state: adds the derived
/// indicators, applies disclosure control, and writes the files of the snapshot (see <see cref="SnapshotFileNames"/>).
/// </summary>
/// <remarks>
/// <para>
/// Memory does not grow with the number of states: the data arrives one state at a time and each state's rows are
/// written to the four observation files before the next state is read, so at most one state's data is held.
/// </para>
/// <para>
/// The same data gives byte-identical data files: rows are ordered by state (ISO3), indicator (catalog order) and
/// dimension codes (code-list order); numbers and times have one fixed form; the data files carry no time of writing
/// and no version. Only the metadata files (structure.xml, datacite.json, the READMEs, datapackage.json and SHA256SUMS)
/// carry the version and the created time. changes.csv is written only when the request names the previous version.
/// </para>
/// <para>
/// Files are created through <see cref="ISnapshotOutput"/> in the order of <see cref="SnapshotFileNames.All"/>, the
/// checksums last. When compilation fails part-way the files already created are incomplete: the caller must not
/// publish a version whose compilation did not return a manifest.
/// </para>
/// </remarks>
public sealed class SnapshotCompiler
{
    /// <summary>
    /// The order in which <c>CompileAsync</c> expects the states' data: ascending ISO3 code (ordinal). A caller
    /// reads the current data of each state in this order and passes on those that have some.
    /// </summary>
    public static IReadOnlyList<MemberState> ReadingOrder(MemberStateRegistry states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return [.. states.All.OrderBy(s => s.Iso3, StringComparer.Ordinal)];
    }

    /// <summary>Compiles the snapshot described by <paramref name="request"/> and writes its files to <paramref name="output"/>.</summary>
    /// <param name="request">The year, version, threshold and reference data.</param>
    /// <param name="stateData">
    /// The current accepted data of each state that has some for the year, one set per state, in ascending ISO3 order
    /// (see <see cref="ReadingOrder"/>). Each set is enumerated once and not kept after its rows are written.
    /// </param>
    /// <param name="output">Where the files go.</param>
    /// <param name="cancellationToken">Cancels the compilation.</param>
    /// <returns>Every file written, with its size, SHA-256 and media type.</returns>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="InvalidDataException">
    /// The data does not fit the request: a set for another year or an unknown state, states out of order or twice,
    /// an indicator the catalog lacks, or the same cell twice.
    /// </exception>
    public Task<SnapshotManifest> CompileAsync(SnapshotRequest request, IAsyncEnumerable<ObservationSet> stateData, ISnapshotOutput output, CancellationToken cancellationToken) =>
        CompileAsync(request, stateData, output, disclosureReport: null, cancellationToken);

    /// <summary>
    /// As <see cref="CompileAsync(SnapshotRequest, IAsyncEnumerable{ObservationSet}, ISnapshotOutput, CancellationToken)"/>,
    /// and writes the staff's report of what disclosure control withheld and its audit to <paramref name="disclosureReport"/>
    /// (JSON of a <see cref="DisclosureReport"/>; never published: it names true values of small counts).
    /// </summary>
    /// <exception cref="DisclosureControlException">A table's small counts cannot be protected; nothing may be published.</exception>
    public async Task<SnapshotManifest> CompileAsync(
        SnapshotRequest request, IAsyncEnumerable<ObservationSet> stateData, ISnapshotOutput output, Stream? disclosureReport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stateData);
        ArgumentNullException.ThrowIfNull(output);
        request.Validate();

        var index = new CatalogIndex(request.Catalog);
        var table = new ObservationsTable(index, request.States);
        var sdmx = new SdmxStructure(index, request.States);
        var states = request.States.All.ToDictionary(s => s.Iso3, StringComparer.Ordinal);
        var written = new List<SnapshotFile>();
        var coverage = new Dictionary<string, CoverageEntry>(StringComparer.Ordinal);
        long rows = 0, withheld = 0;
        await using var disclosure = disclosureReport is null ? null : new DisclosureReportWriter(disclosureReport, request.Year, request.Version,
            request.SuppressionThreshold, request.History.Versions.Select(v => v.Version));

        var writers = new IObservationsWriter[]
        {
            new ObservationsCsvWriter(await CreateAsync(output, SnapshotFileNames.ObservationsCsv, SnapshotContentTypes.Csv, cancellationToken), table),
            new ObservationsParquetWriter(await CreateAsync(output, SnapshotFileNames.ObservationsParquet, SnapshotContentTypes.Parquet, cancellationToken), table),
            new ObservationsJsonWriter(await CreateAsync(output, SnapshotFileNames.ObservationsJson, SnapshotContentTypes.Json, cancellationToken), table),
            new ObservationsXlsxWriter(await CreateAsync(output, SnapshotFileNames.ObservationsXlsx, SnapshotContentTypes.Xlsx, cancellationToken), table),
            new ObservationsSdmxCsvWriter(await CreateAsync(output, SnapshotFileNames.ObservationsSdmxCsv, SnapshotContentTypes.Csv, cancellationToken), sdmx),
            new Sdg.SdgWriter(await CreateAsync(output, SnapshotFileNames.Sdg, SnapshotContentTypes.Csv, cancellationToken), index),
        };
        ChangesCsvWriter? changes = null;
        if (request.Previous is { } previousRelease)
        {
            changes = new ChangesCsvWriter(await CreateAsync(output, SnapshotFileNames.Changes, SnapshotContentTypes.Csv, cancellationToken), table, previousRelease, request.Year);
            writers = [.. writers, changes];
        }
        try
        {
            foreach (var writer in writers)
                await writer.StartAsync(cancellationToken);

            string? previous = null;
            await foreach (var set in stateData.WithCancellation(cancellationToken))
            {
                var state = CheckSet(set, request.Year, states, previous);
                previous = state.Iso3;
                var stateTable = StateTable.Build(set, state, index, request.SuppressionThreshold, request.History);
                foreach (var writer in writers)
                    await writer.WriteStateAsync(stateTable.Rows, cancellationToken);
                coverage[state.Iso3] = new CoverageEntry(state, request.IsParticipating(state), set.SubmissionId,
                    PublishedFormat.ToSecond(set.AcceptedAt), stateTable.IndicatorsReported);
                rows += stateTable.Rows.Count;
                withheld += stateTable.Withheld;
                if (disclosure is not null)
                    await disclosure.WriteAsync(state.Iso3, set.SubmissionId, stateTable.Disclosure, cancellationToken);
            }

            foreach (var writer in writers)
            {
                await writer.CompleteAsync(cancellationToken);
                written.Add(await CloseAsync(writer.Output));
            }
        }
        finally
        {
            foreach (var writer in writers)
                await writer.Output.DisposeAsync();
        }

        var statistics = new SnapshotStatistics(coverage.Count, rows, withheld);

        written.Add(await WriteCsvAsync(output, SnapshotFileNames.IndicatorsCsv,
            SideTables.IndicatorFields.Select(f => f.Name),
            request.Catalog.Indicators.Select(SideTables.IndicatorRow), cancellationToken));

        written.Add(await WriteCsvAsync(output, SnapshotFileNames.CodelistsCsv, CodelistsTable.Fields.Select(f => f.Name), CodelistsTable.Rows(sdmx), cancellationToken));

        var coverageRows = ReadingOrder(request.States)
            .Select(s => coverage.GetValueOrDefault(s.Iso3) ?? new CoverageEntry(s, request.IsParticipating(s), null, null, []))
            .Select(e => SideTables.CoverageRow(e, request.Year));
        written.Add(await WriteCsvAsync(output, SnapshotFileNames.CoverageCsv, SideTables.CoverageFields.Select(f => f.Name), coverageRows, cancellationToken));

        written.Add(await WriteBytesAsync(output, SnapshotFileNames.SdmxStructure, SnapshotContentTypes.Xml,
            SdmxStructureWriter.Write(sdmx, request, $"{SdmxStructure.DsdId}_{PublishedFormat.Year(request.Year)}_{request.Version}"), cancellationToken));

        written.Add(await WriteBytesAsync(output, SnapshotFileNames.DataCite, SnapshotContentTypes.Json, DataCiteWriter.Write(request, written), cancellationToken));

        var readme = ReadmeWriter.Write(request, table, written, statistics, changes?.Summary);
        written.Add(await WriteBytesAsync(output, SnapshotFileNames.Readme, SnapshotContentTypes.Markdown, readme, cancellationToken));
        IReadOnlyList<SnapshotFile> beforeTranslations = [.. written];
        foreach (var language in new[] { Languages.Language.Es, Languages.Language.Pt, Languages.Language.Fr })
            written.Add(await WriteBytesAsync(output, TranslatedReadmeWriter.FileName(language), SnapshotContentTypes.Markdown,
                TranslatedReadmeWriter.Write(language, request, beforeTranslations, statistics), cancellationToken));

        await using (var package = await CreateAsync(output, SnapshotFileNames.DataPackage, SnapshotContentTypes.Json, cancellationToken))
        {
            DataPackageWriter.Write(package, request, table, written, statistics, sdmx);
            written.Add(await CloseAsync(package));
        }

        written.Add(await WriteBytesAsync(output, SnapshotFileNames.Checksums, SnapshotContentTypes.PlainText, ChecksumsWriter.Write(written), cancellationToken));

        if (disclosure is not null)
            await disclosure.CompleteAsync(cancellationToken);
        return new SnapshotManifest(request.Year, request.Version, request.CreatedAt, written, statistics);
    }

    private static MemberState CheckSet(ObservationSet set, int year, Dictionary<string, MemberState> states, string? previous)
    {
        if (set.Year != year)
            throw new InvalidDataException($"The data of {set.Country} is for {set.Year}, not {year}.");
        if (!states.TryGetValue(set.Country, out var state))
            throw new InvalidDataException($"{set.Country} is not a member state of the registry.");
        if (previous is not null && string.CompareOrdinal(previous, set.Country) >= 0)
            throw new InvalidDataException($"The states' data must arrive once each in ascending ISO3 order: {set.Country} came after {previous}.");
        return state;
    }

    internal static async Task<HashingStream> CreateAsync(ISnapshotOutput output, string name, string contentType, CancellationToken cancellationToken) =>
        new(await output.CreateAsync(name, contentType, cancellationToken), name, contentType);

    internal static async Task<SnapshotFile> CloseAsync(HashingStream stream)
    {
        await stream.DisposeAsync();
        return stream.ToSnapshotFile();
    }

    internal static async Task<SnapshotFile> WriteCsvAsync(
        ISnapshotOutput output, string name, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows, CancellationToken cancellationToken)
    {
        var stream = await CreateAsync(output, name, SnapshotContentTypes.Csv, cancellationToken);
        await using (stream)
        {
            await using var csv = new CsvTableWriter(stream);
            await csv.WriteRowAsync(header, cancellationToken);
            foreach (var row in rows)
                await csv.WriteRowAsync(row, cancellationToken);
            await csv.FlushAsync(cancellationToken);
        }
        return stream.ToSnapshotFile();
    }

    internal static async Task<SnapshotFile> WriteBytesAsync(ISnapshotOutput output, string name, string contentType, byte[] bytes, CancellationToken cancellationToken)
    {
        var stream = await CreateAsync(output, name, contentType, cancellationToken);
        await using (stream)
            await stream.WriteAsync(bytes, cancellationToken);
        return stream.ToSnapshotFile();
    }
}
