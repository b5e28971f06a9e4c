using System.Text;
using Observatory.Core.Observations;
using Observatory.Core.Snapshots;
using Observatory.Core.Tests.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Sdg;

/// <summary>sdg-16-2-2.csv: the child part of SDG 16.2.2 in the global series' shape, from published cells only.</summary>
public class SdgTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    [Fact]
    public void The_sample_gives_rows_by_sex_under_18_with_withheld_cells_withheld()
    {
        var rows = CsvText.Records(snapshot.Output[SnapshotFileNames.Sdg]);

        Assert.Equal(
        [
            "VC_HTF_DETV ARG 032 2025 _T Y0T17 _T 12 ",
            "VC_HTF_DETV ARG 032 2025 F Y0T17 _T  suppressed",
            "VC_HTF_DETV ARG 032 2025 M Y0T17 _T  suppressed",
            "VC_HTF_DETV BRA 076 2025 _T Y0T17 _T  suppressed",
            "VC_HTF_DETV MEX 484 2025 _T Y0T17 _T 150 ",
        ], rows.Select(r => $"{r["series"]} {r["country"]} {r["m49"]} {r["year"]} {r["sex"]} {r["age"]} {r["exploitation"]} {r["value"]} {r["flag"]}"));
        var readme = Encoding.UTF8.GetString(snapshot.Output[SnapshotFileNames.Readme]);
        Assert.Contains("## SDG indicator 16.2.2", readme, StringComparison.Ordinal);
        Assert.Contains("VC_HTF_DETVR", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_of_exploitation_map_to_the_global_ones_and_other_purposes_add_up_only_when_all_are_published()
    {
        IReadOnlyList<ObservationSet> data =
        [
            new StateData("ARG")
                .Count("CT_VICT_DET", "EXPLOITATION=SEXUAL", 50).Count("CT_VICT_DET", "EXPLOITATION=FORCED_LABOUR", 30)
                .Count("CT_VICT_DET", "EXPLOITATION=OTHER", 20).Count("CT_VICT_DET", "EXPLOITATION=_U", 10).Count("CT_VICT_DET", "", 110)
                .Count("CT_VICT_DET", "SEX=F", 60).Count("CT_VICT_DET", "SEX=M", 40).Count("CT_VICT_DET", "SEX=_U", 10)
                .Count("CT_VICT_DET", "AGE=Y12T17", 110)
                .ToSet(),
            new StateData("MEX")
                .Count("CT_VICT_DET", "EXPLOITATION=SEXUAL", 40).Count("CT_VICT_DET", "EXPLOITATION=OTHER", 2).Count("CT_VICT_DET", "EXPLOITATION=FORCED_LABOUR", 8)
                .Count("CT_VICT_DET", "", 50)
                .ToSet(),
        ];
        var output = new MemorySnapshotOutput();
        await new SnapshotCompiler().CompileAsync(SampleSnapshot.Request(), AsyncEnumerableExtensions.ToAsyncEnumerable(data), output, CancellationToken.None);
        var rows = CsvText.Records(output[SnapshotFileNames.Sdg]).Select(r => $"{r["country"]} {r["sex"]} {r["exploitation"]} {r["value"]} {r["flag"]} {r["source"]}").ToList();

        Assert.Equal(
        [
            "ARG _T _T 110  _T",
            "ARG _T SEXUAL 50  SEXUAL",
            "ARG _T FORCED_LABOUR 30  FORCED_LABOUR",
            "ARG _T OTHER 20  OTHER",
            "ARG F _T 60  _T",
            "ARG M _T 40  _T",
            // MEX's OTHER (2) is withheld, so is the other purposes' sum; a withheld part may make FORCED_LABOUR withheld too.
        ], rows.Where(r => r.StartsWith("ARG", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith("MEX _T OTHER  suppressed OTHER", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Y12T17", StringComparison.Ordinal) || r.Contains(" _U ", StringComparison.Ordinal));
    }
}
