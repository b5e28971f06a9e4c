using System.Text;
using Observatory.Core.Reading.Csv;

namespace Observatory.Core.Tests.Reading;

public class TextEncodingDetectorTests
{
    private static DetectedEncoding Detect(byte[] bytes) => TextEncodingDetector.Detect(new MemoryStream(bytes));

    /// <summary>Far past any sample a detector might take from the start of the file.</summary>
    private static readonly string LongAsciiPrefix = string.Concat(Enumerable.Repeat("CT_OFF_REC,_T,12\n", 20_000));

    [Fact]
    public void Takes_the_bom_of_utf8()
    {
        var detected = Detect([0xEF, 0xBB, 0xBF, .. "a,b"u8]);

        Assert.Equal((Encoding.UTF8.WebName, 3), (detected.Encoding.WebName, detected.PreambleLength));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "utf-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, "utf-16BE")]
    public void Takes_the_bom_of_utf16(byte[] bytes, string webName)
    {
        var detected = Detect(bytes);

        Assert.Equal((webName, 2), (detected.Encoding.WebName, detected.PreambleLength));
    }

    [Fact]
    public void Recognises_utf16_big_endian_without_a_bom()
    {
        var detected = Detect(Encoding.BigEndianUnicode.GetBytes("Indicator;Value\nCT_OFF_REC;3\n"));

        Assert.Equal(("utf-16BE", 0), (detected.Encoding.WebName, detected.PreambleLength));
    }

    [Fact]
    public void Takes_text_that_is_valid_utf8_to_its_end_for_utf8()
    {
        var detected = Detect(Encoding.UTF8.GetBytes(LongAsciiPrefix + "Niñas,12\n"));

        Assert.Equal(("utf-8", 0), (detected.Encoding.WebName, detected.PreambleLength));
    }

    [Fact]
    public void Falls_back_to_windows_1252_when_a_byte_far_down_is_not_utf8()
    {
        var detected = Detect([.. Encoding.ASCII.GetBytes(LongAsciiPrefix), .. TextEncodingDetector.Windows1252.GetBytes("Niñas,12\n")]);

        Assert.Equal(1252, detected.Encoding.CodePage);
    }
}
