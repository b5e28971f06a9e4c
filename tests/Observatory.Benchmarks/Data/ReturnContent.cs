using Observatory.Core.ReferenceData;

namespace Observatory.Benchmarks.Data;

/// <summary>
/// The rows of a generated return that the validator accepts without a single problem: blocks of 16 cells, one block per
/// region and district, each a full cross of sex and age with its totals (sex F, M, unknown and total × age 0–11,
/// 12–17, unknown and total), where every total is exactly the sum of its parts. So the additivity checks have real
/// groups to sum and nothing to report, and every row is a distinct cell.
/// </summary>
public static class ReturnContent
{
    /// <summary>The header row, in English.</summary>
    public static readonly string[] Header = ["Country", "Year", "Indicator", "Sex", "Age", "Region", "District", "Value", "Note"];

    /// <summary>Sex as written: the English labels, a blank cell for the total.</summary>
    public static readonly string?[] Sexes = ["Female", "Male", "Unknown", null];

    /// <summary>Age as written: the codes, a blank cell for the total.</summary>
    public static readonly string?[] Ages = ["Y0T11", "Y12T17", "_U", null];

    /// <summary>The notes written on every tenth row.</summary>
    public static readonly string[] Notes = ["Police records", "Provisional figure from the prosecutor's office", "Includes cases reported by NGOs"];

    /// <summary>Cells per block: 4 sexes × 4 ages.</summary>
    public const int BlockSize = 16;

    /// <summary>The most rows a return can have: one block per region and district.</summary>
    public const int MaxRows = BlockSize * BenchmarkReferenceData.AreaCodes * BenchmarkReferenceData.AreaCodes;

    /// <summary>
    /// The first <paramref name="count"/> rows of the return of <paramref name="country"/> for <paramref name="year"/>;
    /// <paramref name="seed"/> varies the counts (and so the file's bytes) between returns of the same shape.
    /// </summary>
    public static IEnumerable<ReturnRow> Rows(string country, int year, int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxRows);
        var values = new long[4, 4];
        var random = new Random(HashCode.Combine(country, year, seed));
        for (var row = 0; row < count; row++)
        {
            var block = row / BlockSize;
            var within = row % BlockSize;
            if (within == 0) FillBlock(values, random);
            var (sex, age) = (within / 4, within % 4);
            yield return new ReturnRow(country, year, BenchmarkReferenceData.AreaIndicator, Sexes[sex], Ages[age],
                BenchmarkReferenceData.RegionCode(block / BenchmarkReferenceData.AreaCodes),
                BenchmarkReferenceData.DistrictCode(block % BenchmarkReferenceData.AreaCodes),
                values[sex, age], row % 10 == 9 ? Notes[row / 10 % Notes.Length] : null);
        }
    }

    /// <summary>Every string a generated return can hold, for a workbook's shared-string table.</summary>
    public static IEnumerable<string> Vocabulary(string country) =>
        Header
            .Append(country)
            .Append(BenchmarkReferenceData.AreaIndicator)
            .Concat(Sexes.OfType<string>())
            .Concat(Ages.OfType<string>())
            .Concat(Enumerable.Range(0, BenchmarkReferenceData.AreaCodes).Select(BenchmarkReferenceData.RegionCode))
            .Concat(Enumerable.Range(0, BenchmarkReferenceData.AreaCodes).Select(BenchmarkReferenceData.DistrictCode))
            .Concat(Notes);

    /// <summary>Random parts (index 0–2 of each dimension) and their totals (index 3) along both dimensions.</summary>
    private static void FillBlock(long[,] values, Random random)
    {
        for (var s = 0; s < 3; s++)
            for (var a = 0; a < 3; a++)
                values[s, a] = random.Next(0, 40);
        for (var s = 0; s < 3; s++)
            values[s, 3] = values[s, 0] + values[s, 1] + values[s, 2];
        for (var a = 0; a < 4; a++)
            values[3, a] = values[0, a] + values[1, a] + values[2, a];
    }

    /// <summary>The dimension codes of a row, in the indicator's order, as the validator normalizes them.</summary>
    public static KeyValuePair<string, string>[] Dimensions(ReturnRow row) =>
    [
        new("SEX", row.Sex switch { "Female" => "F", "Male" => "M", "Unknown" => CodeList.Unknown, _ => CodeList.Total }),
        new("AGE", row.Age ?? CodeList.Total),
        new(BenchmarkReferenceData.Region, row.Region),
        new(BenchmarkReferenceData.District, row.District),
    ];
}
