using System.Globalization;
using System.Text;

namespace Observatory.Core.Snapshots.Metadata;

/// <summary>README.md: what the data is, its version, how to cite it, the disclosure rules applied and the files.</summary>
internal static class ReadmeWriter
{
    public static byte[] Write(SnapshotRequest request, ObservationsTable observations, IReadOnlyList<SnapshotFile> written, SnapshotStatistics statistics,
        Revisions.ChangesSummary? changes = null)
    {
        var year = PublishedFormat.Year(request.Year);
        var created = PublishedFormat.ToSecond(request.CreatedAt);
        var threshold = request.SuppressionThreshold.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"# {request.Title}, {year}");
        Line();
        Line($"Reporting year {year}, version {request.Version}, compiled {PublishedFormat.Timestamp(created)}. Indicator catalog version {request.Catalog.Version}.");
        Line();
        Line("## What this is");
        Line();
        Line($"The annual indicators on trafficking and sexual exploitation of children that the national focal points of the member states reported to {request.Publisher} for {year}: for each state, the figures of its current accepted submission. Each row of the observations is one published cell: a state, an indicator and one code for each of the indicator's dimensions (SDMX codes: `_T` total, `_U` unknown), with its value, unit and flag. Derived indicators such as CT_VICT_DET_RATE (child victims detected per 100,000 residents under 18) are computed at compilation from the reported totals.");
        Line();
        Line($"States covered: {statistics.States} with accepted data; see coverage.csv for every member state. Rows: {statistics.Rows.ToString(CultureInfo.InvariantCulture)}.");
        Line();
        Line("Later corrections are published as a new version; a published version never changes.");
        Line();
        if (changes is not null)
        {
            Line("## Changes since the previous version");
            Line();
            Line($"Against version {changes.PreviousVersion} of {year}: {changes.Added.ToString(CultureInfo.InvariantCulture)} cells added, {changes.Removed.ToString(CultureInfo.InvariantCulture)} removed, {changes.Changed.ToString(CultureInfo.InvariantCulture)} changed (value, code or flag). changes.csv lists each one with what both versions published; a withheld cell shows its flag without a value.");
            Line();
        }
        Line("## SDG indicator 16.2.2");
        Line();
        Line($"{SnapshotFileNames.Sdg} gives the child part of SDG indicator 16.2.2 in the shape of the global series {Sdg.SdgWriter.Series} (detected victims of trafficking in persons). The mapping:");
        Line();
        foreach (var rule in Sdg.SdgWriter.Mapping)
            Line($"- {rule}");
        Line();
        Line("## How to cite");
        Line();
        var homepage = request.Homepage is null ? string.Empty : $" {request.Homepage.AbsoluteUri}";
        Line($"{request.Publisher} ({created.Year.ToString(CultureInfo.InvariantCulture)}). *{request.Title}*, reporting year {year}, version {request.Version} [data set]. {request.Publisher}, {request.PublisherAddress}.{homepage} Licence: CC BY 4.0.");
        Line();
        Line("## Licence");
        Line();
        Line($"[{SnapshotLicense.Title}]({SnapshotLicense.Url}) ({SnapshotLicense.Id}): you may share and adapt the data, with attribution.");
        Line();
        Line("## Disclosure control");
        Line();
        foreach (var line in DisclosureRules.Describe(request.SuppressionThreshold))
            Line(line);
        Line();
        Line($"In this version {statistics.Withheld.ToString(CultureInfo.InvariantCulture)} rows are published without their value (flag `suppressed`).");
        Line();
        Line("## Files");
        Line();
        Line("| file | size (bytes) | what it holds |");
        Line("| --- | ---: | --- |");
        foreach (var file in written)
            Line($"| {file.Name} | {file.Size.ToString(CultureInfo.InvariantCulture)} | {ResourceDescriptions.For(file.Name).Text} |");
        foreach (var translation in new[] { SnapshotFileNames.ReadmeEs, SnapshotFileNames.ReadmePt, SnapshotFileNames.ReadmeFr })
            Line($"| {translation} | | {ResourceDescriptions.For(translation).Text} |");
        Line($"| {SnapshotFileNames.DataPackage} | | The Frictionless Data Package descriptor: every file with its size and SHA-256, the table schemas with the code lists, licence and sources. |");
        Line($"| {SnapshotFileNames.Checksums} | | {ResourceDescriptions.For(SnapshotFileNames.Checksums).Text} |");
        Line();
        Line("## Columns of the observations");
        Line();
        Line("The CSV, JSON, Parquet and Excel files have the same columns in the same order. A coded value (treaty status, yes/no) is in `value_code`, a number (count or rate) in `value`; counts are whole numbers, rates have two decimals.");
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
