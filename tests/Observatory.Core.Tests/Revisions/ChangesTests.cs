using System.Text;
using Observatory.Core.Observations;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Revisions;
using Observatory.Core.Tests.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Revisions;

/// <summary>changes.csv: a second version of a year lists exactly the cells that changed against the first.</summary>
public class ChangesTests(SampleSnapshot first) : IClassFixture<SampleSnapshot>
{
    private const string Second = "20260415T120000Z";
    private static readonly string[] Dimensions = ["SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE"];

    private PreviousRelease Previous => PreviousRelease.Read(SampleSnapshot.Request().Version, new MemoryStream(first.Output[SnapshotFileNames.ObservationsCsv]), Dimensions);

    [Fact]
    public void The_first_version_of_a_year_has_no_changes_csv()
    {
        Assert.DoesNotContain(SnapshotFileNames.Changes, first.Output.Created);
    }

    [Fact]
    public async Task A_second_version_lists_exactly_the_cells_added_removed_and_changed_with_what_each_version_published()
    {
        // ARG: persons prosecuted M 40 -> 41 and the total 42 -> 43; POP_U18 F dropped. BRA: no data any more.
        // MEX: a new count; the estimated population now reported as final (its flag changes, its value does not).
        IReadOnlyList<ObservationSet> data =
        [
            new StateData("ARG")
                .Count("CT_VICT_DET", "SEX=F", 3).Count("CT_VICT_DET", "SEX=M", 9).Count("CT_VICT_DET", "", 12)
                .Table("CT_VICT_CSE", "SEX", ["F", "M", "_T"], "AGE", ["Y0T11", "Y12T17", "_U", "_T"], new long[,]
                {
                    { 2, 10, 0, 12 },
                    { 6, 8, 0, 14 },
                    { 8, 18, 0, 26 },
                })
                .Count("CT_OFF_REC", "OFFENCE=TRAFFICKING", 120, note: "a note that changed alone")
                .Count("CT_OFF_REC", "OFFENCE=CSEC", 45, note: "-3 cases reclassified, see report")
                .Count("CT_OFF_REC", "", 165, note: "@SUM(A1:A2), +1 late")
                .Count("CT_PERS_PROS", "SEX=F", 2).Count("CT_PERS_PROS", "SEX=M", 41).Count("CT_PERS_PROS", "", 43)
                .Count("POP_U18", "", 13_000_000).Count("POP_U18", "SEX=M", 6_600_000)
                .Code("LEG_PALERMO", "RATIFIED", note: "2002")
                .ToSet(),
            new StateData("MEX")
                .Count("CT_VICT_DET", "", 150, note: "Niñas y niños víctimas — datos de la Fiscalía")
                .Count("CT_VICT_CSE", "SEX=F", 0).Count("CT_VICT_CSE", "SEX=M", 12).Count("CT_VICT_CSE", "", 12)
                .Count("POP_U18", "", 40_000_000)
                .Count("CT_PERS_PROS", "", 7)
                .ToSet(),
        ];
        var output = new MemorySnapshotOutput();
        var request = SampleSnapshot.Request(Second, new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero)) with { Previous = Previous };
        var manifest = await new SnapshotCompiler().CompileAsync(request, AsyncEnumerableExtensions.ToAsyncEnumerable(data), output, CancellationToken.None);

        Assert.Equal(SnapshotFileNames.All, output.Created);
        Assert.NotNull(manifest.Find(SnapshotFileNames.Changes));
        var rows = CsvText.Records(output[SnapshotFileNames.Changes]);
        var listed = rows.Select(r => $"{r["country"]} {r["indicator"]} {r["SEX"]}{r["OFFENCE"]} {r["change"]} {r["previous_value"]}{r["previous_value_code"]}/{r["previous_flag"]} -> {r["value"]}{r["value_code"]}/{r["flag"]}").ToList();

        Assert.Equal(
        [
            "ARG CT_PERS_PROS M changed 40/ -> 41/",
            "ARG CT_PERS_PROS _T changed 42/ -> 43/",
            "ARG POP_U18 F removed 6400000/ -> /",
            "BRA CT_VICT_DET _T removed /suppressed -> /",
            "BRA POP_U18 _T removed 50000000/ -> /",
            "BRA POL_HOTLINE  removed YES/ -> /",
            "BRA CT_VICT_DET_RATE  removed /suppressed -> /",
            "MEX CT_PERS_PROS _T added / -> 7/",
            "MEX POP_U18 _T changed 40000000/estimated -> 40000000/",
            // The rate follows its denominator's flag.
            "MEX CT_VICT_DET_RATE  changed 0.38/estimated -> 0.38/",
        ], listed);
        Assert.All(rows, r => Assert.Equal("2025", r["year"]));

        var readme = Encoding.UTF8.GetString(output[SnapshotFileNames.Readme]);
        Assert.Contains("## Changes since the previous version", readme, StringComparison.Ordinal);
        Assert.Contains("Against version 20260301T060000Z of 2025: 1 cells added, 5 removed, 4 changed", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recompile_of_unchanged_data_lists_no_change_and_leaves_the_data_files_byte_identical()
    {
        var output = new MemorySnapshotOutput();
        var request = SampleSnapshot.Request(Second, new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero)) with { Previous = Previous };
        await new SnapshotCompiler().CompileAsync(request, AsyncEnumerableExtensions.ToAsyncEnumerable(SampleSnapshot.Data()), output, CancellationToken.None);

        Assert.Single(CsvText.Parse(output[SnapshotFileNames.Changes]));
        foreach (var name in new[] { SnapshotFileNames.ObservationsCsv, SnapshotFileNames.ObservationsSdmxCsv, SnapshotFileNames.ObservationsParquet })
            Assert.Equal(first.Output[name], output[name]);
    }
}
