using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpreadsheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>Reads a workbook's shared-string table, the one part of a workbook held in memory while reading.</summary>
internal static class SharedStringsReader
{
    /// <summary>
    /// The text of every shared string in table order: plain strings and rich-text runs joined, phonetic guides
    /// (rPh, furigana) left out as Excel does not show them in the cell.
    /// </summary>
    public static IReadOnlyList<string> Load(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;
        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var phoneticDepth = 0;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                    text.Clear();
                else
                    strings.Add(text.ToString());
            }
            else if (type == typeof(PhoneticRun))
            {
                phoneticDepth += reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(SpreadsheetText) && reader.IsStartElement && phoneticDepth == 0)
            {
                text.Append(reader.GetText());
            }
        }
        return strings;
    }
}
