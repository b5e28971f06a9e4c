using Observatory.Core.Reporting;

namespace Observatory.Core.Tests.Reporting;

/// <summary>The one reading of a year: every boundary and every shape that is not a year.</summary>
public class YearTextTests
{
    private static readonly ReportingYears Years = new(1990, 2026);

    [Theory]
    [InlineData("1990", 1990)]
    [InlineData("2026", 2026)]
    [InlineData("2025", 2025)]
    [InlineData(" 2025 ", 2025)]
    [InlineData("\t2025\n", 2025)]
    public void A_year_in_range_is_read(string text, int expected)
    {
        var reading = YearText.Read(text, Years);
        Assert.Equal(expected, reading.Year);
        Assert.Null(reading.Refusal);
        Assert.False(reading.IsMissing);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t \r\n")]
    public void Nothing_or_white_space_is_missing_not_refused(string? text)
    {
        var reading = YearText.Read(text, Years);
        Assert.True(reading.IsMissing);
        Assert.Null(reading.Year);
        Assert.Null(reading.Refusal);
    }

    [Theory]
    [InlineData("1989")] // below the range
    [InlineData("2027")] // above it
    [InlineData("0000")]
    [InlineData("9999")]
    [InlineData("abc")]
    [InlineData("20x5")]
    [InlineData("2025.0")]
    [InlineData("2025,0")]
    [InlineData("2,025")]
    [InlineData("+2025")]
    [InlineData("-2025")]
    [InlineData("02025")]
    [InlineData("25")]
    [InlineData("2 025")]
    [InlineData("２０２５")] // full-width digits
    [InlineData("٢٠٢٥")] // Arabic-Indic digits
    [InlineData("2147483648")] // past int.MaxValue
    [InlineData("99999999999999999999999999999999")]
    [InlineData("2025e0")]
    [InlineData("0x7E9")]
    public void Anything_else_is_refused_with_the_range(string text)
    {
        var reading = YearText.Read(text, Years);
        Assert.Null(reading.Year);
        Assert.False(reading.IsMissing);
        Assert.StartsWith($"'{(text.Trim().Length > 20 ? text.Trim()[..20] + "…" : text.Trim())}' is not a reporting year", reading.Refusal);
        Assert.Contains("from 1990 to 2026", reading.Refusal);
    }

    [Fact]
    public void The_refusal_quotes_a_long_text_in_part_only()
    {
        var reading = YearText.Read(new string('9', 10_000), Years);
        Assert.True(reading.Refusal!.Length < 120, reading.Refusal);
    }

    [Fact]
    public void The_example_in_the_messages_is_the_last_full_year()
    {
        Assert.Equal("'1989' is not a reporting year: give a year from 1990 to 2026, such as 2025.", YearText.Read("1989", Years).Refusal);
        Assert.Equal("Give the reporting year: year=2025.", Years.Missing);
    }
}
