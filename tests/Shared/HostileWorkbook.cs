using System.IO.Compression;
using System.Text;

namespace Observatory.Tests.Shared;

// Shared by the unit and integration tests (linked into both projects).

/// <summary>
/// Writes an xlsx package part by part with System.IO.Compression, so that a test can give it what no spreadsheet
/// program writes: a worksheet's XML as the test spells it (a cell at column ZZZZZZ, a row past 1,048,576), a
/// shared-string table of one enormous string, parts that decompress to far more than the file's size.
/// </summary>
internal static class HostileWorkbook
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A workbook of one sheet "Data" whose sheetData holds <paramref name="rowsXml"/> (written as given), and optionally shared strings.</summary>
    /// <param name="rowsXml">The rows.</param>
    /// <param name="sharedStrings">The shared strings, if any.</param>
    /// <param name="sheetState">The sheet's state attribute as written (visible, hidden, veryHidden, or anything); none when null.</param>
    public static byte[] WithRows(string rowsXml, IReadOnlyList<string>? sharedStrings = null, string? sheetState = null) =>
        Build(sheet => sheet.Write(rowsXml), sharedStrings is null ? null : writer => WriteSharedStrings(writer, sharedStrings), sheetState);

    /// <summary>
    /// A workbook of one sheet "Data": <paramref name="writeRows"/> writes the rows inside sheetData,
    /// <paramref name="writeSharedStrings"/> (when given) the whole sharedStrings.xml. Both stream into the zip, so a
    /// part of gigabytes costs the test no memory.
    /// </summary>
    /// <param name="writeRows">Writes the rows.</param>
    /// <param name="writeSharedStrings">Writes sharedStrings.xml, if any.</param>
    /// <param name="sheetState">The sheet's state attribute as written; none when null.</param>
    public static byte[] Build(Action<TextWriter> writeRows, Action<TextWriter>? writeSharedStrings = null, string? sheetState = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                (writeSharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") +
                "</Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MainNamespace}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                $"<sheets><sheet name=\"Data\" sheetId=\"1\"{(sheetState is null ? "" : $" state=\"{sheetState}\"")} r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (writeSharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>"));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MainNamespace}\"><sheetData>");
                writeRows(w);
                w.Write("</sheetData></worksheet>");
            });
            if (writeSharedStrings is not null)
                Part(zip, "xl/sharedStrings.xml", writeSharedStrings);
        }
        return output.ToArray();
    }

    /// <summary>A row of inline-string cells at the given references: <c>Row(1, ("A1", "Indicator"), ("ZZZZZZ1", "Value"))</c>.</summary>
    public static string Row(long number, params (string Reference, string Text)[] cells)
    {
        var row = new StringBuilder($"<row r=\"{number}\">");
        foreach (var (reference, text) in cells)
            row.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>");
        return row.Append("</row>").ToString();
    }

    /// <summary>A shared-string table of <paramref name="strings"/>.</summary>
    public static void WriteSharedStrings(TextWriter writer, IEnumerable<string> strings)
    {
        writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{MainNamespace}\">");
        foreach (var text in strings)
            writer.Write($"<si><t>{System.Security.SecurityElement.Escape(text)}</t></si>");
        writer.Write("</sst>");
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
