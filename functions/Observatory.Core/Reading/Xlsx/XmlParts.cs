using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>
/// Reads the parts of a workbook that grow with the data (worksheets, shared strings) with a plain
/// <see cref="XmlReader"/>, text in chunks, so that no element of a hostile file is ever held whole in memory.
/// </summary>
internal static class XmlParts
{
    /// <summary>The namespace-independent reader settings: no DTD (no entity expansion), no external resources.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Opens <paramref name="part"/> for reading, at most <paramref name="maxChars"/> characters of it.</summary>
    public static XmlReader Open(OpenXmlPart part, long maxChars)
    {
        var settings = Settings.Clone();
        settings.MaxCharactersInDocument = maxChars;
        return XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
    }

    /// <summary>
    /// Appends the text of the element the reader stands on (its start tag), up to <paramref name="max"/> characters of
    /// <paramref name="into"/> in all, and leaves the reader on its end tag. Returns false when the text went past
    /// <paramref name="max"/>: the rest was read and dropped, never held.
    /// </summary>
    /// <param name="reader">A reader on a start tag (t, v).</param>
    /// <param name="into">The text so far (a cell's runs are appended one after another).</param>
    /// <param name="max">The most characters <paramref name="into"/> may hold.</param>
    /// <param name="buffer">A scratch buffer.</param>
    public static bool AppendText(XmlReader reader, StringBuilder into, int max, char[] buffer)
    {
        if (reader.IsEmptyElement) return true;
        var depth = reader.Depth;
        var fits = true;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        var room = max - into.Length;
                        if (read > room) fits = false;
                        if (room > 0) into.Append(buffer, 0, Math.Min(read, room));
                    }
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return fits;
            }
        }
        return fits;
    }

    /// <summary>The value of the attribute <paramref name="localName"/> (any namespace) of the current element, or null.</summary>
    public static string? Attribute(XmlReader reader, string localName)
    {
        if (!reader.HasAttributes) return null;
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == localName)
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }
        reader.MoveToElement();
        return null;
    }
}
