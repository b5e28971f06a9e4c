using System.Globalization;
using System.Text;
using Observatory.Core.Snapshots.Metadata;

namespace Observatory.Core.Snapshots.Series;

/// <summary>README.md of the time series: what it is, which annual version each year comes from, how to cite it, disclosure control and the files.</summary>
internal static class SeriesReadmeWriter
{
    /// <summary>Why the series reopens nothing that an annual version withholds; in the README and the data package.</summary>
    public const string DisclosureStatement =
        "The series is built from the published annual files only, each year's rows exactly as its annual version published them, " +
        "with their suppressed flags: it publishes no value, cell or note that the annual version did not, and computes no new cell. " +
        "Every annual version was audited together with every earlier version of its year, so the series adds nothing to what those audits cover.";

    public static byte[] Write(SeriesRequest request, ObservationsTable observations, IReadOnlyList<SnapshotFile> written, SnapshotStatistics statistics)
    {
        var created = PublishedFormat.ToSecond(request.CreatedAt);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"# {request.Title}, {request.Span}");
        Line();
        Line($"Time series {request.Span}, version {request.Version}, compiled {PublishedFormat.Timestamp(created)}. Indicator catalog version {request.Catalog.Version}.");
        Line();
        Line("## What this is");
        Line();
        Line($"Every reporting year with a published annual snapshot, in one set of files: for each year, the rows of its latest published annual version, unchanged. The column `year` gives each row's reporting year and `{ObservationsTable.SeriesVersionColumn}` the annual version it comes from (the first version that published the year's rows as they stand: a later version of the year that changed no row is not a new source). Rows: {statistics.Rows.ToString(CultureInfo.InvariantCulture)}; states: {statistics.States.ToString(CultureInfo.InvariantCulture)}.");
        Line();
        Line("| year | annual version | states | rows | withheld |");
        Line("| --- | --- | ---: | ---: | ---: |");
        foreach (var source in request.Sources)
            Line($"| {PublishedFormat.Year(source.Year)} | {source.Version} | {source.States.ToString(CultureInfo.InvariantCulture)} | {source.Rows.ToString(CultureInfo.InvariantCulture)} | {source.Withheld.ToString(CultureInfo.InvariantCulture)} |");
        Line();
        Line("A new version of the series is published when a compile of any year changes what the series holds; a published version never changes.");
        Line();
        Line("## How to cite");
        Line();
        Line($"{request.Publisher} ({created.Year.ToString(CultureInfo.InvariantCulture)}). *{request.Title}*, {request.Span}, series version {request.Version} [data set]. {request.Publisher}, {request.PublisherAddress}. Licence: CC BY 4.0.");
        Line();
        Line("## Licence");
        Line();
        Line($"[{SnapshotLicense.Title}]({SnapshotLicense.Url}) ({SnapshotLicense.Id}): you may share and adapt the data, with attribution.");
        Line();
        Line("## Disclosure control");
        Line();
        Line(DisclosureStatement);
        Line();
        foreach (var line in DisclosureRules.Describe(request.SuppressionThreshold))
            Line(line);
        Line();
        Line($"In this series {statistics.Withheld.ToString(CultureInfo.InvariantCulture)} rows are published without their value (flag `suppressed`), each as its annual version published it.");
        Line();
        Line("## Files");
        Line();
        Line("| file | size (bytes) | what it holds |");
        Line("| --- | ---: | --- |");
        foreach (var file in written)
            Line($"| {file.Name} | {file.Size.ToString(CultureInfo.InvariantCulture)} | {ResourceDescriptions.For(file.Name).Text} |");
        Line($"| {SnapshotFileNames.DataPackage} | | The Frictionless Data Package descriptor: every file with its size and SHA-256, the table schemas with the code lists, licence and sources. |");
        Line($"| {SnapshotFileNames.Checksums} | | {ResourceDescriptions.For(SnapshotFileNames.Checksums).Text} |");
        Line();
        Line("## Columns of the observations");
        Line();
        Line("The CSV, JSON, Parquet and Excel files have the same columns in the same order: those of the annual snapshots, with `" + ObservationsTable.SeriesVersionColumn + "` after `year`.");
        Line();
        Line("| column | type | meaning |");
        Line("| --- | --- | --- |");
        foreach (var column in observations.Columns)
            Line($"| {column.Name} | {column.Field.Type} | {column.Field.Description} |");
        Line();
        Line("## Checking a download");
        Line();
        Line("```");
        Line("sha256sum -c SHA256SUMS");
        Line("```");
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
