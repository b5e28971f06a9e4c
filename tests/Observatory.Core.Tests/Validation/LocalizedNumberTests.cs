using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Validation;

public class LocalizedNumberTests
{
    [Theory]
    [InlineData(Language.En, "1,234", "1234")]
    [InlineData(Language.En, "1,234,567", "1234567")]
    [InlineData(Language.En, "1234", "1234")]
    [InlineData(Language.En, "1.5", "1.5")]
    [InlineData(Language.En, "1,234.50", "1234.50")]
    [InlineData(Language.En, "1 234", "1234")]
    [InlineData(Language.Es, "52.345.678", "52345678")]
    [InlineData(Language.Es, "1,5", "1.5")]
    [InlineData(Language.Es, "1.234,00", "1234")]
    [InlineData(Language.Pt, "1.234", "1234")]
    [InlineData(Language.Pt, "12 345 678", "12345678")]
    [InlineData(Language.Fr, "1 234", "1234")]
    [InlineData(Language.Fr, "1\u00A0234", "1234")]
    [InlineData(Language.Fr, "1\u202F234\u202F567", "1234567")]
    [InlineData(Language.Fr, "-3", "-3")]
    [InlineData(Language.Fr, " 007 ", "7")]
    public void Reads_numbers_as_the_language_writes_them(Language language, string text, string expected)
    {
        Assert.True(LocalizedNumber.TryParse(text, language, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(Language.En, "1,23,4")]
    [InlineData(Language.En, "1,2345")]
    [InlineData(Language.En, "1234,567")]
    [InlineData(Language.En, ",234")]
    [InlineData(Language.En, "1,234,")]
    [InlineData(Language.En, "1.")]
    [InlineData(Language.En, "1.2.3")]
    [InlineData(Language.Es, "1.234 567")]
    [InlineData(Language.Es, "1,234.5")]
    [InlineData(Language.Es, "12a")]
    [InlineData(Language.Fr, "")]
    [InlineData(Language.Fr, "-")]
    [InlineData(Language.Fr, "1e3")]
    [InlineData(Language.Fr, "12 personnes")]
    [InlineData(Language.Pt, "99999999999999999999999999999")]
    public void Rejects_what_the_language_does_not_write(Language language, string text) =>
        Assert.False(LocalizedNumber.TryParse(text, language, out _));

    [Fact]
    public void A_numeric_cell_is_taken_as_it_is_whatever_the_language()
    {
        var reading = CountReading.Read(new CellValue("1,234", 1.234e3), [Language.Es]);
        Assert.Equal(new CountReading(CountStatus.Valid, 1234, Language.En), reading);
    }

    [Theory]
    [InlineData("1,234", nameof(CountStatus.Ambiguous))]
    [InlineData("1.234", nameof(CountStatus.Ambiguous))]
    [InlineData("1 234", nameof(CountStatus.Valid))]
    [InlineData("1234", nameof(CountStatus.Valid))]
    [InlineData("12,5", nameof(CountStatus.NotWholeText))]
    [InlineData("douze", nameof(CountStatus.NotANumber))]
    public void Two_languages_must_agree_on_a_number(string text, string expected) =>
        Assert.Equal(expected, CountReading.Read(new CellValue(text), [Language.En, Language.Fr]).Status.ToString());
}
