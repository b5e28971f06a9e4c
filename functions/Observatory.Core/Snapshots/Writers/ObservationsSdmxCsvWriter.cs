using Observatory.Core.Snapshots.Sdmx;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>
/// observations.sdmx.csv: the published rows in SDMX-CSV 2.0, one observation per row, against the data structure of
/// structure.xml (see <see cref="SdmxStructure"/>). UTF-8 without a byte-order mark, CRLF line ends; a comment that a
/// spreadsheet would run as a formula is neutralised as in observations.csv.
/// </summary>
internal sealed class ObservationsSdmxCsvWriter(HashingStream output, SdmxStructure structure) : IObservationsWriter
{
    /// <summary>The SDMX-CSV 2.0 columns that say what the rows conform to and what to do with them.</summary>
    public static readonly IReadOnlyList<string> LeadingColumns = ["STRUCTURE", "STRUCTURE_ID", "ACTION"];

    /// <summary>The rows refer to a data structure definition.</summary>
    public const string StructureType = "datastructure";

    /// <summary>I: the data is published for information (the snapshot as a whole replaces no earlier data set).</summary>
    public const string Action = "I";

    private readonly CsvTableWriter _csv = new(output, byteOrderMark: false);

    public HashingStream Output => output;

    public Task StartAsync(CancellationToken cancellationToken) =>
        _csv.WriteRowAsync([.. LeadingColumns, .. structure.CsvColumns], cancellationToken);

    public async Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            _csv.Field(StructureType);
            _csv.Field(structure.StructureId);
            _csv.Field(Action);
            _csv.Field(row.State.Iso3);
            _csv.Field(row.Text.Year);
            _csv.Field(row.Indicator.Code);
            foreach (var code in row.Dimensions)
                _csv.Field(code ?? ReferenceData.CodeList.NotApplicable);
            _csv.Field(row.Text.Value ?? (row.IsSuppressed ? null : row.Code));
            _csv.Field(row.Indicator.Unit);
            _csv.Field(SdmxStructure.ObservationStatus(row));
            _csv.Field(SdmxStructure.ConfidentialityStatus(row));
            _csv.Field(row.IsSuppressed ? null : row.Note);
            await _csv.EndRowAsync(cancellationToken);
        }
        await _csv.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _csv.FlushAsync(cancellationToken);
        await _csv.DisposeAsync();
    }
}
