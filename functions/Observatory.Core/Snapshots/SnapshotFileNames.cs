namespace Observatory.Core.Snapshots;

/// <summary>The files of an annual snapshot, as researchers download them. Names are part of the open-data contract.</summary>
public static class SnapshotFileNames
{
    /// <summary>The published cells as CSV (UTF-8 with BOM, CRLF).</summary>
    public const string ObservationsCsv = "observations.csv";
    /// <summary>The same rows as Apache Parquet.</summary>
    public const string ObservationsParquet = "observations.parquet";
    /// <summary>The same rows as a JSON array of objects, one per line.</summary>
    public const string ObservationsJson = "observations.json";
    /// <summary>The same rows as an Excel workbook.</summary>
    public const string ObservationsXlsx = "observations.xlsx";
    /// <summary>The same rows in SDMX-CSV 2.0, against the data structure of <see cref="SdmxStructure"/>.</summary>
    public const string ObservationsSdmxCsv = "observations.sdmx.csv";
    /// <summary>The SDMX-ML 2.1 structure message: data structure definition, concept scheme and code lists.</summary>
    public const string SdmxStructure = "structure.xml";
    /// <summary>The child part of SDG indicator 16.2.2 in the shape of the global series VC_HTF_DETV.</summary>
    public const string Sdg = "sdg-16-2-2.csv";
    /// <summary>What this version changed against the previous one of the year; only in a version after the first.</summary>
    public const string Changes = "changes.csv";
    /// <summary>The indicator catalog.</summary>
    public const string IndicatorsCsv = "indicators.csv";
    /// <summary>Every code of the coded columns, with labels in the four languages.</summary>
    public const string CodelistsCsv = "codelists.csv";
    /// <summary>Who reported, per state.</summary>
    public const string CoverageCsv = "coverage.csv";
    /// <summary>The citation metadata in the DataCite Metadata Schema 4, ready for a repository to mint a DOI.</summary>
    public const string DataCite = "datacite.json";
    /// <summary>The README in Spanish.</summary>
    public const string ReadmeEs = "README.es.md";
    /// <summary>The README in Portuguese.</summary>
    public const string ReadmePt = "README.pt.md";
    /// <summary>The README in French.</summary>
    public const string ReadmeFr = "README.fr.md";
    /// <summary>The Frictionless Data Package descriptor.</summary>
    public const string DataPackage = "datapackage.json";
    /// <summary>What the data is, how to cite it, the disclosure rules applied.</summary>
    public const string Readme = "README.md";
    /// <summary>Checksums of every other file, in the format of sha256sum.</summary>
    public const string Checksums = "SHA256SUMS";

    /// <summary>Every file, in the order the compiler writes them (<see cref="Changes"/> only in a version after the first of its year).</summary>
    public static IReadOnlyList<string> All { get; } =
        [ObservationsCsv, ObservationsParquet, ObservationsJson, ObservationsXlsx, ObservationsSdmxCsv, Sdg, Changes, IndicatorsCsv, CodelistsCsv, CoverageCsv, SdmxStructure, DataCite, Readme, ReadmeEs, ReadmePt, ReadmeFr, DataPackage, Checksums];
}

/// <summary>The media types of the snapshot's files.</summary>
public static class SnapshotContentTypes
{
    /// <summary>CSV in UTF-8.</summary>
    public const string Csv = "text/csv; charset=utf-8";
    /// <summary>Apache Parquet (registered with IANA in 2024).</summary>
    public const string Parquet = "application/vnd.apache.parquet";
    /// <summary>JSON.</summary>
    public const string Json = "application/json";
    /// <summary>An Office Open XML workbook.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>XML in UTF-8.</summary>
    public const string Xml = "application/xml";
    /// <summary>Markdown in UTF-8.</summary>
    public const string Markdown = "text/markdown; charset=utf-8";
    /// <summary>Plain text in UTF-8.</summary>
    public const string PlainText = "text/plain; charset=utf-8";
}
