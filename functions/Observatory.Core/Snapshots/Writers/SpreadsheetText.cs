using System.Text;
using System.Xml;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>Makes free text (notes) safe for a workbook cell.</summary>
internal static class SpreadsheetText
{
    /// <summary>The most characters a cell can hold in Excel.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// XML 1.0 cannot carry most control characters, and Excel refuses a cell longer than it can hold; a note with
    /// either would make the whole workbook unreadable, so such characters become U+FFFD and the text is cut at the limit.
    /// </summary>
    public static string Safe(string text)
    {
        var first = FirstInvalid(text);
        if (first >= 0)
        {
            var safe = new StringBuilder(text.Length).Append(text, 0, first);
            for (var i = first; i < text.Length; i++)
            {
                if (IsPair(text, i))
                    safe.Append(text[i]).Append(text[++i]);
                else
                    safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
            text = safe.ToString();
        }
        if (text.Length <= MaxCellLength)
            return text;
        var cut = char.IsHighSurrogate(text[MaxCellLength - 1]) ? MaxCellLength - 1 : MaxCellLength;
        return text[..cut];
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
                i++;
            else if (!XmlConvert.IsXmlChar(text[i]))
                return i;
        }
        return -1;
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
