using Observatory.Core.Tests.Reading.Support;

namespace Observatory.Core.Tests.Reading;

public class ReadingMessagesTests
{
    private static readonly string[] Languages = ["en", "es", "pt", "fr"];

    [Fact]
    public void Every_message_is_written_in_the_four_languages_with_the_same_placeholders()
    {
        Assert.NotEmpty(ReadingMessages.All);
        foreach (var (key, texts) in ReadingMessages.All)
        {
            Assert.True(key.StartsWith("reading.", StringComparison.Ordinal) || key.StartsWith("limits.", StringComparison.Ordinal), key);
            Assert.Equal(Languages.Order(), texts.Keys.Order());
            var expected = ReadingMessages.ArgumentCount(texts["en"]);
            foreach (var language in Languages)
            {
                Assert.False(string.IsNullOrWhiteSpace(texts[language]), $"{key} has no {language} text.");
                Assert.Equal(expected, ReadingMessages.ArgumentCount(texts[language]));
                // A composite format string that string.Format accepts with that many arguments.
                _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts[language], Enumerable.Repeat<object?>("x", expected).ToArray());
            }
        }
    }
}
