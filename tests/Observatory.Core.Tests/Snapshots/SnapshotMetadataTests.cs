using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Observatory.Core.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>datapackage.json, README.md and SHA256SUMS.</summary>
public partial class SnapshotMetadataTests(SampleSnapshot snapshot) : IClassFixture<SampleSnapshot>
{
    private static readonly string[] ObservationResources = ["observations", "observations-parquet", "observations-json", "observations-xlsx"];

    private JsonElement Package => JsonDocument.Parse(snapshot.Output[SnapshotFileNames.DataPackage]).RootElement;

    [Fact]
    public void The_data_package_is_a_v2_descriptor_with_licence_sources_version_and_created_time()
    {
        var package = Package;

        Assert.Equal("https://datapackage.org/profiles/2.0/datapackage.json", package.GetProperty("$schema").GetString());
        Assert.Matches("^[a-z0-9._-]+$", package.GetProperty("name").GetString());
        Assert.Equal("20260301T060000Z", package.GetProperty("version").GetString());
        Assert.Equal("2026-03-01T06:00:00Z", package.GetProperty("created").GetString());
        var licence = Assert.Single(package.GetProperty("licenses").EnumerateArray());
        Assert.Equal("CC-BY-4.0", licence.GetProperty("name").GetString());
        Assert.StartsWith("https://creativecommons.org/licenses/by/4.0", licence.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(package.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(5, package.GetProperty("disclosureControl").GetProperty("threshold").GetInt32());
    }

    [Fact]
    public void Every_other_file_is_a_resource_and_its_size_and_hash_match_the_bytes()
    {
        var resources = Package.GetProperty("resources").EnumerateArray().ToList();

        Assert.Equal(SampleSnapshot.FirstVersionFiles.Where(n => n != SnapshotFileNames.DataPackage), resources.Select(r => r.GetProperty("path").GetString()));
        Assert.Equal(resources.Count, resources.Select(r => r.GetProperty("name").GetString()).Distinct().Count());
        foreach (var resource in resources)
        {
            var name = resource.GetProperty("path").GetString()!;
            Assert.Matches("^[a-z0-9._-]+$", resource.GetProperty("name").GetString());
            if (name == SnapshotFileNames.Checksums)
            {
                // Written after the descriptor, so the descriptor cannot know its hash; it holds the descriptor's instead.
                Assert.False(resource.TryGetProperty("hash", out _));
                continue;
            }
            var bytes = snapshot.Output[name];
            Assert.Equal(bytes.LongLength, resource.GetProperty("bytes").GetInt64());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), resource.GetProperty("hash").GetString());
            Assert.Equal(snapshot.Output.ContentTypes[name].Split(';')[0], resource.GetProperty("mediatype").GetString());
        }
    }

    [Fact]
    public void Each_table_schema_matches_its_file_columns_and_types()
    {
        var resources = Package.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var headers = new Dictionary<string, string[]>
        {
            ["observations"] = CsvText.Parse(snapshot.Output[SnapshotFileNames.ObservationsCsv])[0],
            ["indicators"] = CsvText.Parse(snapshot.Output[SnapshotFileNames.IndicatorsCsv])[0],
            ["coverage"] = CsvText.Parse(snapshot.Output[SnapshotFileNames.CoverageCsv])[0],
            ["codelists"] = CsvText.Parse(snapshot.Output[SnapshotFileNames.CodelistsCsv])[0],
            ["observations-sdmx"] = CsvText.Parse(snapshot.Output[SnapshotFileNames.ObservationsSdmxCsv])[0],
        };

        foreach (var (name, header) in headers)
            Assert.Equal(header, Fields(resources[name]).Select(f => f.GetProperty("name").GetString()));
        foreach (var name in ObservationResources)
        {
            Assert.Equal("table", resources[name].GetProperty("type").GetString());
            Assert.Equal(headers["observations"], Fields(resources[name]).Select(f => f.GetProperty("name").GetString()));
        }
        var types = Fields(resources["observations"]).ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal(("string", "integer", "number", "string", "datetime"), (types["country"], types["year"], types["value"], types["value_code"], types["accepted_at"]));
        var coverageTypes = Fields(resources["coverage"]).ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal(("boolean", "integer", "list"), (coverageTypes["submitted"], coverageTypes["indicators_reported"], coverageTypes["indicators"]));
        var dialect = resources["observations"].GetProperty("dialect");
        Assert.Equal(("\r\n", ","), (dialect.GetProperty("lineTerminator").GetString(), dialect.GetProperty("delimiter").GetString()));
        Assert.Equal("object", resources["observations-json"].GetProperty("dialect").GetProperty("itemType").GetString());
        Assert.Equal("observations", resources["observations-xlsx"].GetProperty("dialect").GetProperty("sheetName").GetString());
    }

    [Fact]
    public void Dimension_fields_list_their_code_list_as_categories_and_blanks_and_suppression_are_documented()
    {
        var observations = Package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "observations");
        var fields = Fields(observations).ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Equal(["F", "M", "_U", "_T"], Categories(fields["SEX"]));
        Assert.Equal("Female", fields["SEX"].GetProperty("categories")[0].GetProperty("label").GetString());
        Assert.Equal(["Y0T11", "Y12T17", "_U", "_T"], Categories(fields["AGE"]));
        Assert.Equal(["RATIFIED", "SIGNED", "NONE", "YES", "NO", "PARTIAL"], Categories(fields["value_code"]));
        Assert.Equal(["suppressed", "estimated", "provisional"], Categories(fields["flag"]));
        Assert.Equal(["ARG", "BRA", "CUB", "HTI", "MEX"], Categories(fields["country"]));
        Assert.Contains("", observations.GetProperty("schema").GetProperty("missingValues").EnumerateArray().Select(v => v.GetString()));
        var blankValue = Assert.Single(fields["value"].GetProperty("missingValues").EnumerateArray());
        Assert.Equal("", blankValue.GetProperty("value").GetString());
        Assert.Contains("suppressed", blankValue.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.True(fields["country"].GetProperty("constraints").GetProperty("required").GetBoolean());
    }

    [Fact]
    public void The_README_gives_the_version_citation_rules_applied_and_files()
    {
        var readme = Encoding.UTF8.GetString(snapshot.Output[SnapshotFileNames.Readme]);

        Assert.Contains("version 20260301T060000Z", readme, StringComparison.Ordinal);
        Assert.Contains("## How to cite", readme, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", readme, StringComparison.Ordinal);
        Assert.Contains("1 ≤ value < 5", readme, StringComparison.Ordinal);
        Assert.Contains("the whole values consistent with all of that number at least 4", readme, StringComparison.Ordinal);
        Assert.Contains("stays withheld in every later version", readme, StringComparison.Ordinal);
        Assert.Contains($"In this version {snapshot.Manifest.Statistics.Withheld} rows are published without their value", readme, StringComparison.Ordinal);
        // Why each cell was withheld is for staff only: counts of small counts per version would reopen them.
        Assert.DoesNotContain("small counts suppressed", readme, StringComparison.Ordinal);
        foreach (var name in SampleSnapshot.FirstVersionFiles.Where(n => n != SnapshotFileNames.Readme))
            Assert.Contains($"| {name} |", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void SHA256SUMS_has_a_sha256sum_line_for_every_other_file()
    {
        var text = Encoding.ASCII.GetString(snapshot.Output[SnapshotFileNames.Checksums]);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        Assert.Equal(SampleSnapshot.FirstVersionFiles.Where(n => n != SnapshotFileNames.Checksums), lines.Select(l => ChecksumLine().Match(l).Groups["name"].Value));
        foreach (var line in lines)
        {
            var match = ChecksumLine().Match(line);
            Assert.True(match.Success, line);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(snapshot.Output[match.Groups["name"].Value])), match.Groups["hash"].Value);
        }
    }

    private static IEnumerable<JsonElement> Fields(JsonElement resource) => resource.GetProperty("schema").GetProperty("fields").EnumerateArray();

    private static IEnumerable<string?> Categories(JsonElement field) =>
        field.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("value").GetString());

    [GeneratedRegex("^(?<hash>[0-9a-f]{64})  (?<name>[A-Za-z0-9._-]+)$")]
    private static partial Regex ChecksumLine();
}
