using System.Text;

namespace Observatory.Core.Reading.Csv;

/// <summary>An encoding detected for a text file, and how many bytes of byte-order mark precede the text.</summary>
internal sealed record DetectedEncoding(Encoding Encoding, int PreambleLength);

/// <summary>
/// Detects the encoding of a csv file the way the files focal points send are made: Excel's "CSV UTF-8" (with a
/// BOM), "Unicode text" (UTF-16 LE with a BOM), plain UTF-8 from other tools, and the Windows code page of a
/// Spanish or French Windows (1252).
/// </summary>
internal static class TextEncodingDetector
{
    private const int SampleBytes = 4096;
    private const int ValidationBufferBytes = 65536;

    /// <summary>Windows-1252, the fallback for text that is not UTF-8.</summary>
    public static Encoding Windows1252 { get; } = CreateWindows1252();

    /// <summary>
    /// Detects the encoding of <paramref name="content"/> (seekable, read from its start and left at an
    /// unspecified position): a BOM (UTF-8, UTF-16 LE/BE) first; else UTF-16 without a BOM when its zero bytes show
    /// it; else UTF-8 when the whole file is valid UTF-8, or holds valid multi-byte characters beside invalid bytes
    /// (which the reader then reports where they stand); else Windows-1252. UTF-16 is tested before UTF-8 because
    /// ASCII text in UTF-16 is valid UTF-8 (full of NUL characters), which no csv holds.
    /// </summary>
    public static DetectedEncoding Detect(Stream content)
    {
        content.Position = 0;
        var sample = new byte[SampleBytes];
        var length = content.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        var head = sample.AsSpan(0, length);

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new DetectedEncoding(new UTF8Encoding(false), 3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);

        var utf16 = Utf16ByZeroBytes(head);
        if (utf16 is not null)
            return new DetectedEncoding(utf16, 0);

        content.Position = 0;
        return LooksLikeUtf8(content)
            ? new DetectedEncoding(new UTF8Encoding(false), 0)
            : new DetectedEncoding(Windows1252, 0);
    }

    /// <summary>
    /// True when the whole stream decodes as UTF-8, or when it holds valid multi-byte UTF-8 characters beside bytes that
    /// are not: UTF-8 with a few broken bytes, whose cells holding them are reported (the broken bytes read as U+FFFD)
    /// rather than the whole file misread as Windows-1252. Checked to the end, since the first accent may be far down.
    /// </summary>
    private static bool LooksLikeUtf8(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
        var bytes = new byte[ValidationBufferBytes];
        // A decoder may hold back up to three bytes of a split character, so leave room for them.
        var chars = new char[ValidationBufferBytes + 4];
        bool invalid = false, multibyte = false;
        int read;
        while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            Inspect(chars.AsSpan(0, decoder.GetChars(bytes, 0, read, chars, 0, flush: false)), ref invalid, ref multibyte);
        Inspect(chars.AsSpan(0, decoder.GetChars(bytes, 0, 0, chars, 0, flush: true)), ref invalid, ref multibyte);
        return !invalid || multibyte;
    }

    private static void Inspect(ReadOnlySpan<char> text, ref bool invalid, ref bool multibyte)
    {
        while (!(invalid && multibyte))
        {
            var next = text.IndexOfAnyExceptInRange('\0', '\u007F');
            if (next < 0) return;
            if (text[next] == CsvRowReader.Replacement) invalid = true;
            else multibyte = true;
            text = text[(next + 1)..];
        }
    }

    /// <summary>
    /// UTF-16 of mostly Latin text has a zero in every other byte: the odd ones in little-endian, the even ones in
    /// big-endian. Text in an 8-bit encoding has none.
    /// </summary>
    private static Encoding? Utf16ByZeroBytes(ReadOnlySpan<byte> head)
    {
        var pairs = head.Length / 2;
        if (pairs < 2) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) zeroEven++;
            if (head[i + 1] == 0) zeroOdd++;
        }
        // Most characters of a csv are ASCII (digits, separators, codes), so well over a third of the pairs show it.
        var many = pairs * 0.35;
        var few = pairs * 0.05;
        if (zeroOdd >= many && zeroEven <= few)
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        if (zeroEven >= many && zeroOdd <= few)
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        return null;
    }

    private static Encoding CreateWindows1252()
    {
        // Registering is idempotent; it happens once, when this class is first used.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
