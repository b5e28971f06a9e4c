using System.Globalization;
using System.IO.Compression;
using System.Text;
using Observatory.Core.Reading;

namespace Observatory.Benchmarks.Suites;

/// <summary>
/// The worst files within each of the <see cref="ReturnLimits"/>: what a file can make processing cost without being
/// refused for a limit. Written once per run into the work folder, part by part with System.IO.Compression.
/// </summary>
public static class LimitFiles
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// A workbook whose shared-string table is as large as the limits allow: <see cref="ReturnLimits.MaxSharedStrings"/>
    /// strings holding together just under <see cref="ReturnLimits.MaxSharedStringChars"/> characters, of random letters
    /// so that the file compresses as little as real text and stays within the compression ratio.
    /// </summary>
    public static string LargestSharedStrings(string directory)
    {
        var limits = ReturnLimits.Default;
        var count = limits.MaxSharedStrings;
        var length = (int)(limits.MaxSharedStringChars / count);
        return Write(Path.Combine(directory, "largest-shared-strings.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>12</v></c></row>", strings =>
        {
            var random = new Random(11);
            var text = new char[length];
            strings.Write($"<sst xmlns=\"{MainNamespace}\"><si><t>Indicador</t></si><si><t>Valor</t></si><si><t>CT_PERS_PROS</t></si>");
            for (var i = 3; i < count; i++)
            {
                for (var c = 0; c < text.Length; c++) text[c] = (char)('a' + random.Next(26));
                strings.Write("<si><t>");
                strings.Write(text);
                strings.Write("</t></si>");
            }
            strings.Write("</sst>");
        });
    }

    /// <summary>A worksheet as wide as a sheet can be: a header across every column to XFD, and rows of 16,384 numbers under it.</summary>
    public static string WidestSheet(string directory, int rows)
    {
        var columns = ReturnLimits.Default.MaxColumns;
        var letters = Enumerable.Range(0, columns).Select(ColumnLetters.FromIndex).ToArray();
        return Write(Path.Combine(directory, $"widest-{rows}.xlsx"), sheet =>
        {
            sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Indicador</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Valor</t></is></c>");
            for (var c = 2; c < columns; c++)
                sheet.Write($"<c r=\"{letters[c]}1\" t=\"inlineStr\"><is><t>Columna {c}</t></is></c>");
            sheet.Write("</row>");
            for (var r = 2; r <= rows + 1; r++)
            {
                var number = r.ToString(CultureInfo.InvariantCulture);
                sheet.Write($"<row r=\"{number}\"><c r=\"A{number}\" t=\"inlineStr\"><is><t>CT_PERS_PROS</t></is></c>");
                for (var c = 1; c < columns; c++)
                    sheet.Write($"<c r=\"{letters[c]}{number}\"><v>{c}</v></c>");
                sheet.Write("</row>");
            }
        }, null);
    }

    /// <summary>
    /// A csv with as many rows as a sheet can have, each wrong twice (its value is no number, and it repeats the row
    /// before): two errors a row, two million in all.
    /// </summary>
    public static string MostErrors(string directory)
    {
        var path = Path.Combine(directory, "most-errors.csv");
        if (File.Exists(path)) return path;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("Indicador;Valor\r\n");
            for (var r = 1; r < ReturnLimits.Default.MaxRows; r++) writer.Write("CT_PERS_PROS;x\r\n");
        }
        return path;
    }

    private static string Write(string path, string rowsXml, Action<TextWriter> writeSharedStrings) =>
        Write(path, sheet => sheet.Write(rowsXml), writeSharedStrings);

    private static string Write(string path, Action<TextWriter> writeRows, Action<TextWriter>? writeSharedStrings)
    {
        if (File.Exists(path)) return path;
        var partial = path + ".partial";
        using (var file = File.Create(partial))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MainNamespace}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<sheets><sheet name=\"Datos\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MainNamespace}\"><sheetData>");
                writeRows(w);
                w.Write("</sheetData></worksheet>");
            });
            Part(zip, "xl/sharedStrings.xml", writeSharedStrings ?? (w => w.Write($"<sst xmlns=\"{MainNamespace}\"/>")));
        }
        File.Move(partial, path);
        return path;
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
