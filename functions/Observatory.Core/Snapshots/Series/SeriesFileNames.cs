namespace Observatory.Core.Snapshots.Series;

/// <summary>
/// The files of the time series across years. The observation files, SDMX files, side tables and metadata carry the
/// names of the annual snapshot's (see <see cref="SnapshotFileNames"/>), so a tool that reads a year reads the series.
/// </summary>
public static class SeriesFileNames
{
    /// <summary>Each year in the series, the annual version its rows come from and what that version published.</summary>
    public const string Years = "years.csv";

    /// <summary>Every file, in the order the compiler writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SnapshotFileNames.ObservationsCsv, SnapshotFileNames.ObservationsParquet, SnapshotFileNames.ObservationsJson, SnapshotFileNames.ObservationsXlsx,
        SnapshotFileNames.ObservationsSdmxCsv, SnapshotFileNames.Sdg, Years, SnapshotFileNames.IndicatorsCsv, SnapshotFileNames.CodelistsCsv,
        SnapshotFileNames.SdmxStructure, SnapshotFileNames.Readme, SnapshotFileNames.DataPackage, SnapshotFileNames.Checksums,
    ];

    /// <summary>The files that carry the series' version or compile time; every other file depends on its data alone.</summary>
    public static IReadOnlyList<string> Stamped { get; } =
        [SnapshotFileNames.SdmxStructure, SnapshotFileNames.Readme, SnapshotFileNames.DataPackage, SnapshotFileNames.Checksums];
}
