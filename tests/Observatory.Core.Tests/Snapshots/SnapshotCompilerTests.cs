using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Snapshots;

public class SnapshotCompilerTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    private static readonly string[] DataFiles =
    [
        SnapshotFileNames.ObservationsCsv, SnapshotFileNames.ObservationsParquet, SnapshotFileNames.ObservationsJson,
        SnapshotFileNames.ObservationsXlsx, SnapshotFileNames.ObservationsSdmxCsv, SnapshotFileNames.IndicatorsCsv, SnapshotFileNames.CodelistsCsv, SnapshotFileNames.CoverageCsv,
    ];

    [Fact]
    public void Every_file_is_created_once_in_order_and_the_manifest_gives_its_size_checksum_and_type()
    {
        Assert.Equal(SampleSnapshot.FirstVersionFiles, snapshot.Output.Created);
        Assert.Equal(SampleSnapshot.FirstVersionFiles, snapshot.Manifest.Files.Select(f => f.Name));
        foreach (var file in snapshot.Manifest.Files)
        {
            var bytes = snapshot.Output[file.Name];
            Assert.Equal(bytes.LongLength, file.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            Assert.Equal(snapshot.Output.ContentTypes[file.Name], file.ContentType);
        }
        Assert.Equal((SampleSnapshot.Year, "20260301T060000Z", SampleSnapshot.CreatedAt), (snapshot.Manifest.Year, snapshot.Manifest.Version, snapshot.Manifest.CreatedAt));
    }

    [Fact]
    public void The_statistics_count_the_rows_published_without_a_value_as_anyone_can_in_the_files()
    {
        var rows = CsvText.Records(snapshot.Output[SnapshotFileNames.ObservationsCsv]);

        Assert.Equal(3, snapshot.Manifest.Statistics.States);
        Assert.Equal(rows.Count, snapshot.Manifest.Statistics.Rows);
        Assert.Equal(rows.Count(r => r["flag"] == "suppressed"), snapshot.Manifest.Statistics.Withheld);
        Assert.True(snapshot.Manifest.Statistics.Withheld > 0);
    }

    [Fact]
    public void Rows_are_ordered_by_state_then_indicator_in_catalog_order_then_codes_in_code_list_order()
    {
        var rows = CsvText.Records(snapshot.Output[SnapshotFileNames.ObservationsCsv]);

        Assert.Equal(["ARG", "BRA", "MEX"], rows.Select(r => r["country"]).Distinct());
        Assert.Equal(
            ["CT_VICT_DET", "CT_VICT_CSE", "CT_OFF_REC", "CT_PERS_PROS", "POP_U18", "LEG_PALERMO", "CT_VICT_DET_RATE"],
            rows.Where(r => r["country"] == "ARG").Select(r => r["indicator"]).Distinct());
        Assert.Equal(
            ["F/Y0T11", "F/Y12T17", "F/_U", "F/_T", "M/Y0T11", "M/Y12T17", "M/_U", "M/_T", "_T/Y0T11", "_T/Y12T17", "_T/_U", "_T/_T"],
            rows.Where(r => r["country"] == "ARG" && r["indicator"] == "CT_VICT_CSE").Select(r => $"{r["SEX"]}/{r["AGE"]}"));
        Assert.Equal(["TRAFFICKING", "CSEC", "_T"], rows.Where(r => r["indicator"] == "CT_OFF_REC").Select(r => r["OFFENCE"]));
    }

    [Fact]
    public void Suppressed_cells_are_published_without_value_or_note_and_flagged()
    {
        var rows = CsvText.Records(snapshot.Output[SnapshotFileNames.ObservationsCsv]);

        var withheld = rows.Where(r => r["flag"] == "suppressed").Select(r => $"{r["country"]} {r["indicator"]} {r["SEX"]}/{r["AGE"]}").ToList();
        Assert.Equal(
        [
            "ARG CT_VICT_DET F/_T", "ARG CT_VICT_DET M/_T",
            "ARG CT_VICT_CSE F/Y0T11", "ARG CT_VICT_CSE F/Y12T17", "ARG CT_VICT_CSE M/Y0T11", "ARG CT_VICT_CSE M/Y12T17",
            "BRA CT_VICT_DET _T/_T", "BRA CT_VICT_DET_RATE /",
        ], withheld);
        Assert.All(rows.Where(r => r["flag"] == "suppressed"), r => Assert.Equal(("", ""), (r["value"], r["note"])));
        // The focal point's note on a suppressed cell could name what the value hides.
        foreach (var name in new[] { SnapshotFileNames.ObservationsCsv, SnapshotFileNames.ObservationsJson })
            Assert.DoesNotContain("shelter", Encoding.UTF8.GetString(snapshot.Output[name]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compiling_the_same_data_twice_gives_byte_identical_files()
    {
        var again = await CompileAsync(SampleSnapshot.Request(), SampleSnapshot.Data());

        foreach (var name in SampleSnapshot.FirstVersionFiles)
            Assert.True(snapshot.Output[name].AsSpan().SequenceEqual(again[name]), $"{name} differs.");
    }

    [Fact]
    public async Task Another_version_changes_the_metadata_files_and_leaves_the_data_files_byte_identical()
    {
        var later = await CompileAsync(SampleSnapshot.Request("20260415T120000Z", new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero)), SampleSnapshot.Data());

        foreach (var name in DataFiles)
            Assert.True(snapshot.Output[name].AsSpan().SequenceEqual(later[name]), $"{name} differs.");
        foreach (var name in new[] { SnapshotFileNames.SdmxStructure, SnapshotFileNames.DataCite, SnapshotFileNames.DataPackage, SnapshotFileNames.Readme, SnapshotFileNames.ReadmeEs, SnapshotFileNames.ReadmePt, SnapshotFileNames.ReadmeFr, SnapshotFileNames.Checksums })
            Assert.False(snapshot.Output[name].AsSpan().SequenceEqual(later[name]), $"{name} is the same.");
        Assert.Contains("20260415T120000Z", Encoding.UTF8.GetString(later[SnapshotFileNames.DataPackage]), StringComparison.Ordinal);
        Assert.Contains("20260415T120000Z", Encoding.UTF8.GetString(later[SnapshotFileNames.Readme]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_files_do_not_depend_on_the_culture_of_the_machine()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var french = await CompileAsync(SampleSnapshot.Request(), SampleSnapshot.Data());

            foreach (var name in SampleSnapshot.FirstVersionFiles)
                Assert.True(snapshot.Output[name].AsSpan().SequenceEqual(french[name]), $"{name} differs under fr-FR.");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = original;
        }
    }

    [Fact]
    public void Coverage_lists_every_member_state_with_what_it_reported()
    {
        var coverage = CsvText.Records(snapshot.Output[SnapshotFileNames.CoverageCsv]).ToDictionary(r => r["country"]);

        Assert.Equal(["ARG", "BRA", "CUB", "HTI", "MEX"], coverage.Keys);
        Assert.Equal(("true", "true", "sub-bra-2025", "2026-02-14T09:30:15Z", "3", "CT_VICT_DET;POP_U18;POL_HOTLINE"),
            (coverage["BRA"]["participating"], coverage["BRA"]["submitted"], coverage["BRA"]["submission_id"], coverage["BRA"]["accepted_at"],
             coverage["BRA"]["indicators_reported"], coverage["BRA"]["indicators"]));
        Assert.Equal(("true", "false", "", "0"), (coverage["HTI"]["participating"], coverage["HTI"]["submitted"], coverage["HTI"]["submission_id"], coverage["HTI"]["indicators_reported"]));
        Assert.Equal(("false", "false"), (coverage["CUB"]["participating"], coverage["CUB"]["submitted"]));
    }

    [Fact]
    public async Task The_staff_setting_of_who_participates_replaces_membership_in_coverage()
    {
        var files = await CompileAsync(SampleSnapshot.Request() with { ParticipatingStates = ["ARG", "cub"] }, SampleSnapshot.Data());

        var participating = CsvText.Records(files[SnapshotFileNames.CoverageCsv]).Where(r => r["participating"] == "true").Select(r => r["country"]);
        Assert.Equal(["ARG", "CUB"], participating);
    }

    [Fact]
    public async Task A_year_without_data_gives_valid_empty_tables()
    {
        var output = new MemorySnapshotOutput();
        var manifest = await new SnapshotCompiler().CompileAsync(SampleSnapshot.Request(), Array.Empty<ObservationSet>().ToAsyncEnumerable(), output, CancellationToken.None);

        Assert.Equal(0, manifest.Statistics.Rows);
        Assert.Single(CsvText.Parse(output[SnapshotFileNames.ObservationsCsv]));
        Assert.Empty(PublishedTables.FromJson(output[SnapshotFileNames.ObservationsJson]).Rows);
        var parquet = await PublishedTables.FromParquetAsync(output[SnapshotFileNames.ObservationsParquet]);
        Assert.Equal(CsvText.Parse(output[SnapshotFileNames.ObservationsCsv])[0], parquet.Header);
        Assert.Empty(parquet.Rows);
        Assert.Empty(PublishedTables.FromXlsx(output[SnapshotFileNames.ObservationsXlsx]).Rows);
        Assert.All(CsvText.Records(output[SnapshotFileNames.CoverageCsv]), r => Assert.Equal("false", r["submitted"]));
    }

    public static TheoryData<string, Func<IReadOnlyList<ObservationSet>, IReadOnlyList<ObservationSet>>> InconsistentData => new()
    {
        { "out of ISO3 order", sets => [sets[2], sets[0]] },
        { "a state twice", sets => [sets[0], sets[0]] },
        { "another year", sets => [sets[0] with { Year = 2024 }] },
        { "an unknown state", sets => [sets[0] with { Country = "XXX" }] },
        { "an unknown indicator", sets => [sets[0] with { Observations = [.. sets[0].Observations, new Observation("ARG", 2025, "CT_UNKNOWN", [], ObservationValue.Of(1), null, null)] }] },
        { "a protected cell twice", sets => [sets[1] with { Observations = [.. sets[1].Observations, sets[1].Observations.First(o => o.Indicator == "CT_VICT_DET")] }] },
        { "another cell twice", sets => [sets[1] with { Observations = [.. sets[1].Observations, sets[1].Observations.First(o => o.Indicator == "POP_U18")] }] },
    };

    [Theory]
    [MemberData(nameof(InconsistentData))]
    public async Task Data_that_does_not_fit_the_request_is_refused(string what, Func<IReadOnlyList<ObservationSet>, IReadOnlyList<ObservationSet>> spoil)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CompileAsync(SampleSnapshot.Request(), spoil(SampleSnapshot.Data())));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), what);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_written()
    {
        var output = new MemorySnapshotOutput();
        var compiler = new SnapshotCompiler();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => compiler.CompileAsync(SampleSnapshot.Request() with { SuppressionThreshold = 0 }, SampleSnapshot.Data().ToAsyncEnumerable(), output, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => compiler.CompileAsync(SampleSnapshot.Request("2026/03/01"), SampleSnapshot.Data().ToAsyncEnumerable(), output, CancellationToken.None));
        Assert.Empty(output.Created);
    }

    [Fact]
    public void The_reading_order_is_by_ISO3_code()
    {
        Assert.Equal(["ARG", "BRA", "CUB", "HTI", "MEX"], SnapshotCompiler.ReadingOrder(TestReferenceData.States).Select(s => s.Iso3));
    }

    private static async Task<IReadOnlyDictionary<string, byte[]>> CompileAsync(SnapshotRequest request, IReadOnlyList<ObservationSet> data)
    {
        var output = new MemorySnapshotOutput();
        await new SnapshotCompiler().CompileAsync(request, data.ToAsyncEnumerable(), output, CancellationToken.None);
        return output.Files;
    }
}
