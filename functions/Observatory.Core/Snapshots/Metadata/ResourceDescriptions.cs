namespace Observatory.Core.Snapshots.Metadata;

/// <summary>What each file of the snapshot is, for the data package and the README.</summary>
/// <param name="Name">The resource name in the data package.</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">What the file holds.</param>
/// <param name="Format">The format, as its usual extension.</param>
/// <param name="MediaType">The media type, without parameters.</param>
/// <param name="Encoding">The character encoding of a text file; null for binary files.</param>
/// <param name="Tabular">True when the file is a table described by a Table Schema.</param>
internal sealed record ResourceDescriptions(string Name, string Title, string Text, string Format, string MediaType, string? Encoding, bool Tabular)
{
    /// <summary>
    /// The encoding of the CSVs that begin with a byte-order mark (so that Excel keeps the accents): UTF-8 with a BOM,
    /// named as frictionless-py and Python name it, so the declaration says what is published.
    /// </summary>
    public const string ByteOrderMarked = "utf-8-sig";

    public static ResourceDescriptions For(string fileName) => fileName switch
    {
        SnapshotFileNames.ObservationsCsv => new("observations", "Observations (CSV)",
            "One row per published cell: state, year, indicator, dimension codes, value, unit, flag, note and source submission. UTF-8 with a byte-order mark and CRLF line ends, so that Excel and LibreOffice open it with accents intact.",
            "csv", "text/csv", ByteOrderMarked, true),
        SnapshotFileNames.ObservationsParquet => new("observations-parquet", "Observations (Parquet)",
            "The same rows as observations.csv in Apache Parquet, with typed columns (year int32, value double, accepted_at timestamp in UTC).",
            "parquet", "application/vnd.apache.parquet", null, true),
        SnapshotFileNames.ObservationsJson => new("observations-json", "Observations (JSON)",
            "The same rows as observations.csv as a JSON array of objects, one per line; blank cells are null.",
            "json", "application/json", "utf-8", true),
        SnapshotFileNames.ObservationsXlsx => new("observations-xlsx", "Observations (Excel)",
            "The same rows as observations.csv in an Excel workbook, sheet observations.",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null, true),
        SnapshotFileNames.ObservationsSdmxCsv => new("observations-sdmx", "Observations (SDMX-CSV 2.0)",
            "The same rows in SDMX-CSV 2.0 against the data structure of structure.xml: a dimension the indicator lacks is _Z; flags as OBS_STATUS (A, E estimated, P provisional) and CONF_STATUS (F free, C withheld by disclosure control, without a value); the note as COMMENT. UTF-8 without a byte-order mark, CRLF line ends.",
            "csv", "text/csv", "utf-8", true),
        SnapshotFileNames.SdmxStructure => new("sdmx-structure", "SDMX structure",
            "An SDMX-ML 2.1 structure message: the data structure definition that observations.sdmx.csv refers to, its concept scheme and its code lists, with names in English, Spanish, Portuguese and French.",
            "xml", "application/xml", "utf-8", false),
        SnapshotFileNames.Sdg => new("sdg-16-2-2", "SDG indicator 16.2.2 (VC_HTF_DETV), child part",
            "Child victims of trafficking detected (CT_VICT_DET) in the shape of the global SDG series VC_HTF_DETV: sexes _T, F and M, age under 18, exploitation as all forms, sexual, forced labour, organ removal and other purposes. Mapping: " + string.Join(" ", Sdg.SdgWriter.Mapping),
            "csv", "text/csv", ByteOrderMarked, true),
        SnapshotFileNames.Changes => new("changes", "Changes since the previous version",
            "Every cell this version adds, removes or changes against the previous published version of the year, with the value, code and flag each published; a withheld cell shows its flag without a value. A change of the note alone is not listed.",
            "csv", "text/csv", ByteOrderMarked, true),
        SnapshotFileNames.IndicatorsCsv => new("indicators", "Indicators",
            "The indicator catalog: codes, labels and descriptions in English, Spanish, Portuguese and French, units and dimensions, and per indicator its definition, source agency type, methodology and comparability notes in the four languages.",
            "csv", "text/csv", ByteOrderMarked, true),
        SnapshotFileNames.CodelistsCsv => new("codelists", "Code lists",
            "Every code of the coded columns of observations.csv and observations.sdmx.csv (states, indicators, dimensions, units, value lists, flags and SDMX statuses), one row each, with its label in English, Spanish, Portuguese and French.",
            "csv", "text/csv", ByteOrderMarked, true),
        SnapshotFileNames.CoverageCsv => new("coverage", "Coverage",
            "Per member state: whether it was expected to report, whether it did, the submission published, when it was accepted and the indicators reported.",
            "csv", "text/csv", ByteOrderMarked, true),
        Series.SeriesFileNames.Years => new("years", "Years of the series",
            "Each reporting year of the time series, the version of its annual snapshot whose rows the series carries, and that version's states, rows, withheld rows and the SHA-256 of its observations.json.",
            "csv", "text/csv", ByteOrderMarked, true),
        SnapshotFileNames.Readme => new("readme", "Read me",
            "What the data is, how to cite it, the disclosure rules applied and the files.",
            "md", "text/markdown", "utf-8", false),
        SnapshotFileNames.DataCite => new("datacite", "Citation metadata (DataCite)",
            "The citation metadata in the JSON form of the DataCite Metadata Schema 4: publisher, titles in four languages, version, licence, dates and formats, for a repository to mint a DOI.",
            "json", "application/json", "utf-8", false),
        SnapshotFileNames.ReadmeEs => new("readme-es", "Léame (español)",
            "README.md in Spanish: what the data is, how to cite it, the licence, the disclosure rules in outline and the files.",
            "md", "text/markdown", "utf-8", false),
        SnapshotFileNames.ReadmePt => new("readme-pt", "Leia-me (português)",
            "README.md in Portuguese: what the data is, how to cite it, the licence, the disclosure rules in outline and the files.",
            "md", "text/markdown", "utf-8", false),
        SnapshotFileNames.ReadmeFr => new("readme-fr", "Lisez-moi (français)",
            "README.md in French: what the data is, how to cite it, the licence, the disclosure rules in outline and the files.",
            "md", "text/markdown", "utf-8", false),
        SnapshotFileNames.Checksums => new("checksums", "Checksums",
            "The SHA-256 of every other file, datapackage.json included, in the format of sha256sum: run `sha256sum -c SHA256SUMS` to verify a download.",
            "txt", "text/plain", "utf-8", false),
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a file of the snapshot."),
    };
}
