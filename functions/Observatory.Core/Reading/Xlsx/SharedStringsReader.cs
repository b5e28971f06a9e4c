using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>Reads a workbook's shared-string table, the one part of a workbook held in memory while reading.</summary>
internal static class SharedStringsReader
{
    /// <summary>
    /// The text of every shared string in table order: plain strings and rich-text runs joined, phonetic guides
    /// (rPh, furigana) left out as Excel does not show them in the cell. Throws <see cref="ReturnLimitException"/>
    /// past <see cref="ReturnLimits.MaxSharedStrings"/>, <see cref="ReturnLimits.MaxSharedStringChars"/> or a string
    /// longer than <see cref="ReturnLimits.MaxCellChars"/>, having held no more than the limits allow.
    /// </summary>
    public static IReadOnlyList<string> Load(SharedStringTablePart? part, ReturnLimits limits)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;
        using var reader = XmlParts.Open(part, limits.MaxPartBytes);
        var text = new StringBuilder();
        var buffer = new char[4096];
        long total = 0;
        var itemDepth = -1;
        var phoneticDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "si" when itemDepth < 0:
                        if (strings.Count >= limits.MaxSharedStrings)
                            throw new ReturnLimitException(LimitProblems.TooManySharedStrings(limits.MaxSharedStrings));
                        text.Clear();
                        if (reader.IsEmptyElement)
                            strings.Add(string.Empty);
                        else
                            itemDepth = reader.Depth;
                        break;
                    case "rPh" when itemDepth >= 0 && phoneticDepth < 0 && !reader.IsEmptyElement:
                        phoneticDepth = reader.Depth;
                        break;
                    case "t" when itemDepth >= 0 && phoneticDepth < 0:
                        if (!XmlParts.AppendText(reader, text, limits.MaxCellChars, buffer))
                            throw new ReturnLimitException(LimitProblems.SharedStringTooLong(strings.Count, limits.MaxCellChars));
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.Depth == phoneticDepth)
                {
                    phoneticDepth = -1;
                }
                else if (reader.Depth == itemDepth)
                {
                    itemDepth = -1;
                    total += text.Length;
                    if (total > limits.MaxSharedStringChars)
                        throw new ReturnLimitException(LimitProblems.SharedStringsTooLong(limits.MaxSharedStringChars));
                    strings.Add(text.ToString());
                }
            }
        }
        return strings;
    }
}
