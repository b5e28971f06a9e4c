using Observatory.Core.Text;

namespace Observatory.Core.Tests;

public class TextKeyTests
{
    [Theory]
    [InlineData("Forma de Explotación:", "forma de explotacion")]
    [InlineData("  12 à 17 ans ", "12 a 17 ans")]
    [InlineData("Haïti", "haiti")]
    [InlineData("Saint-Kitts-et-Nevis", "saint kitts et nevis")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_ignores_case_accents_and_punctuation(string? text, string expected) =>
        Assert.Equal(expected, TextKey.Fold(text));
}
