using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;
using Observatory.Core.Tests.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Series;

/// <summary>
/// The time series across years: the union of each year's published rows, nothing more (so it reopens nothing that a
/// year withholds), the same rows in every format, and the same data files for the same sources.
/// </summary>
public class SeriesCompilerTests(SampleSeries series) : IClassFixture<SampleSeries>
{
    private const string VersionColumn = "snapshot_version";

    [Fact]
    public void The_series_writes_every_file_in_order_the_checksums_last()
    {
        Assert.Equal(SeriesFileNames.All, series.Output.Created);
        Assert.Equal(SeriesFileNames.All, series.Manifest.Files.Select(f => f.Name));
        foreach (var file in series.Manifest.Files)
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(series.Output[file.Name])));
        var sums = Encoding.ASCII.GetString(series.Output[SnapshotFileNames.Checksums]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SeriesFileNames.All.Where(n => n != SnapshotFileNames.Checksums), sums.Select(l => l[66..]));
    }

    [Fact]
    public void The_series_is_the_union_of_each_years_rows_row_for_row_with_the_year_and_version_of_each()
    {
        var rows = CsvText.Parse(series.Output[SnapshotFileNames.ObservationsCsv]);
        var header = rows[0].ToList();
        var version = header.IndexOf(VersionColumn);
        Assert.Equal(header.IndexOf("year") + 1, version);

        var expected = new List<string[]>();
        foreach (var source in series.Sources)
        {
            var annual = CsvText.Parse(series.Annual[source.Year][SnapshotFileNames.ObservationsCsv]);
            Assert.Equal(header.Where(h => h != VersionColumn), annual[0]);
            Assert.All(annual.Skip(1), r => Assert.Equal(source.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), r[annual[0].ToList().IndexOf("year")]));
            expected.AddRange(annual.Skip(1).Select(r => r.Take(version).Append(source.Version).Concat(r.Skip(version)).ToArray()));
        }
        Assert.Equal(expected.Count, rows.Count - 1);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i], rows[i + 1]);
        Assert.Equal(expected.Count, series.Manifest.Statistics.Rows);
    }

    [Fact]
    public void No_cell_withheld_in_a_year_appears_in_the_series_and_every_withheld_cell_stays_withheld()
    {
        var records = CsvText.Records(series.Output[SnapshotFileNames.ObservationsCsv]);
        var withheld = 0;
        foreach (var source in series.Sources)
        {
            foreach (var cell in CsvText.Records(series.Annual[source.Year][SnapshotFileNames.ObservationsCsv]).Where(r => r["flag"] == "suppressed"))
            {
                withheld++;
                var match = Assert.Single(records, r => Key(r) == Key(cell));
                Assert.Equal(("suppressed", "", ""), (match["flag"], match["value"], match["note"]));
            }
        }
        Assert.True(withheld >= 2, "both years must withhold something for the test to mean anything");
        Assert.Equal(withheld, records.Count(r => r["flag"] == "suppressed"));
        Assert.Equal(withheld, series.Manifest.Statistics.Withheld);
    }

    [Fact]
    public async Task The_four_formats_hold_the_same_rows()
    {
        var csv = PublishedTables.FromCsv(series.Output[SnapshotFileNames.ObservationsCsv]);
        var json = PublishedTables.FromJson(series.Output[SnapshotFileNames.ObservationsJson]);
        var parquet = await PublishedTables.FromParquetAsync(series.Output[SnapshotFileNames.ObservationsParquet]);
        var xlsx = PublishedTables.FromXlsx(series.Output[SnapshotFileNames.ObservationsXlsx]);

        Assert.Equal(series.Manifest.Statistics.Rows, csv.Rows.Count);
        Assert.Contains(VersionColumn, csv.Header);
        foreach (var (name, header, rows) in new[] { ("json", json.Header, json.Rows), ("parquet", parquet.Header, parquet.Rows), ("xlsx", xlsx.Header, xlsx.Rows) })
        {
            Assert.Equal(csv.Header, header);
            Assert.Equal(csv.Rows.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
                Assert.True(csv.Rows[i].SequenceEqual(rows[i]), $"{name} row {i}: {string.Join(",", rows[i])} vs {string.Join(",", csv.Rows[i])}");
        }
    }

    [Fact]
    public void The_SDMX_and_SDG_files_are_the_years_files_one_after_the_other()
    {
        foreach (var name in new[] { SnapshotFileNames.ObservationsSdmxCsv, SnapshotFileNames.Sdg })
        {
            var rows = CsvText.Parse(series.Output[name]);
            var annual = series.Sources.Select(s => CsvText.Parse(series.Annual[s.Year][name])).ToList();
            Assert.All(annual, a => Assert.Equal(rows[0], a[0]));
            Assert.Equal(annual.SelectMany(a => a.Skip(1)), rows.Skip(1));
        }
    }

    [Fact]
    public void Years_csv_names_each_year_and_its_version()
    {
        var years = CsvText.Records(series.Output[SeriesFileNames.Years]);

        Assert.Equal(series.Sources.Select(s => (s.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Version, s.ObservationsSha256, s.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            years.Select(y => (y["year"], y[VersionColumn], y["observations_json_sha256"], y["rows"])));
    }

    [Fact]
    public void The_data_package_describes_every_file_and_says_the_series_reopens_nothing()
    {
        using var package = JsonDocument.Parse(series.Output[SnapshotFileNames.DataPackage]);
        var root = package.RootElement;
        Assert.Equal("observatory-indicators-series", root.GetProperty("name").GetString());
        Assert.Contains("2024–2025", root.GetProperty("title").GetString());
        Assert.Contains("publishes no value, cell or note that the annual version did not", root.GetProperty("description").GetString());
        Assert.Equal(SeriesFileNames.All.Where(n => n != SnapshotFileNames.DataPackage),
            root.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()));
        var observations = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("path").GetString() == SnapshotFileNames.ObservationsCsv);
        Assert.Contains(VersionColumn, observations.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        var readme = Encoding.UTF8.GetString(series.Output[SnapshotFileNames.Readme]);
        Assert.Contains("publishes no value, cell or note that the annual version did not", readme);
        Assert.Contains("| 2024 | 20250301T060000Z |", readme);
    }

    [Fact]
    public void Each_resource_matches_its_bytes_and_each_table_schema_its_header()
    {
        using var package = JsonDocument.Parse(series.Output[SnapshotFileNames.DataPackage]);
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("path").GetString()!);
        foreach (var (name, resource) in resources.Where(r => r.Key != SnapshotFileNames.Checksums))
        {
            Assert.Equal(series.Output[name].LongLength, resource.GetProperty("bytes").GetInt64());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(series.Output[name])), resource.GetProperty("hash").GetString());
        }
        foreach (var name in new[] { SnapshotFileNames.ObservationsCsv, SnapshotFileNames.ObservationsSdmxCsv, SnapshotFileNames.Sdg, SeriesFileNames.Years, SnapshotFileNames.IndicatorsCsv, SnapshotFileNames.CodelistsCsv })
            Assert.Equal(CsvText.Parse(series.Output[name])[0],
                resources[name].GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var observations = CsvText.Parse(series.Output[SnapshotFileNames.ObservationsCsv])[0];
        foreach (var name in new[] { SnapshotFileNames.ObservationsJson, SnapshotFileNames.ObservationsParquet, SnapshotFileNames.ObservationsXlsx })
            Assert.Equal(observations, resources[name].GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_same_sources_give_the_same_data_files_under_another_version()
    {
        var again = new MemorySnapshotOutput();
        var request = SampleSeries.Request(series.Sources, "20270101T000000Z", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var manifest = await new SeriesCompiler().CompileAsync(request, series.OpenAsync, again, CancellationToken.None);

        Assert.Equal(series.Manifest.Basis, manifest.Basis);
        Assert.Equal(series.Manifest.Basis, await SeriesCompiler.BasisOf(request, CancellationToken.None));
        foreach (var name in SeriesFileNames.All)
        {
            if (SeriesFileNames.Stamped.Contains(name)) Assert.NotEqual(series.Output[name], again[name]);
            else Assert.Equal(series.Output[name], again[name]);
        }
    }

    [Fact]
    public async Task Another_version_of_a_year_changes_the_basis()
    {
        var changed = series.Sources.Select(s => s.Year == 2024 ? s with { Version = "20250401T060000Z", ObservationsSha256 = new string('0', 64) } : s).ToList();

        Assert.NotEqual(series.Manifest.Basis, await SeriesCompiler.BasisOf(SampleSeries.Request(changed), CancellationToken.None));
    }

    [Fact]
    public async Task A_published_file_with_a_row_of_another_year_is_refused()
    {
        var sources = new[] { series.Sources[1] with { Year = 2023 } };

        await Assert.ThrowsAsync<InvalidDataException>(() => new SeriesCompiler().CompileAsync(SampleSeries.Request(sources),
            (_, _) => Task.FromResult<Stream>(new MemoryStream(series.Annual[2025][SnapshotFileNames.ObservationsJson])), new MemorySnapshotOutput(), CancellationToken.None));
    }

    private static string Key(IReadOnlyDictionary<string, string> row) =>
        string.Join('|', new[] { "country", "year", "indicator", "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE" }.Select(c => row[c]));
}
