using System.Text;
using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.Tests.Snapshots;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Observations;

/// <summary>A state's stored observations as the staff's CSV download, read back with the tests' strict reader.</summary>
public sealed class ObservationSetCsvTests
{
    private static async Task<byte[]> WriteAsync(params Observation[] observations)
    {
        var set = new ObservationSet("MEX", 2025, "MEX-2025-abc", DateTimeOffset.UnixEpoch, observations);
        using var output = new MemoryStream();
        await ObservationSetCsv.WriteAsync(set, TestReferenceData.Catalog, output, CancellationToken.None);
        return output.ToArray();
    }

    private static Observation Victims(string sex, string age, long value, string? note = null, string? flag = null) =>
        new("MEX", 2025, "CT_VICT_CSE", [new("SEX", sex), new("AGE", age)], ObservationValue.Of(value), note, flag);

    [Fact]
    public async Task Each_observation_is_a_row_with_one_column_per_dimension_of_the_catalog_in_its_order()
    {
        var bytes = await WriteAsync(Victims("F", "Y12T17", 7, flag: "estimated"), Victims("_T", "_T", 12));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvText.Parse(bytes);
        var dimensions = TestReferenceData.Catalog.CodeLists.Where(list => list.IsDimension).Select(list => list.Id);
        Assert.Equal(["country", "year", "indicator", .. dimensions, "value", "note", "flag", "submissionId"], rows[0]);
        var first = CsvText.Records(bytes)[0];
        Assert.Equal(("MEX", "2025", "CT_VICT_CSE", "F", "Y12T17", "", "7", "estimated", "MEX-2025-abc"),
            (first["country"], first["year"], first["indicator"], first["SEX"], first["AGE"], first["EXPLOITATION"], first["value"], first["flag"], first["submissionId"]));
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task A_note_with_commas_quotes_and_a_formula_is_quoted_and_neutralised()
    {
        var bytes = await WriteAsync(Victims("M", "Y0T11", 3, note: "=HYPERLINK(\"http://x\",\"a, b\")"));

        Assert.Equal("'=HYPERLINK(\"http://x\",\"a, b\")", CsvText.Records(bytes)[0]["note"]);
    }
}
