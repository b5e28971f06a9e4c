using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>
/// The parts of a one-sheet workbook around a streamed worksheet, written straight into a zip archive.
/// </summary>
/// <remarks>
/// The SDK's SpreadsheetDocument would keep every part in memory until it is saved (System.IO.Packaging opens a
/// seekable stream in update mode) and stamps each zip entry with the time of writing. Writing the few package parts
/// here, each zip entry with a fixed time, keeps memory flat and makes the same rows give the same bytes. Only
/// standard parts are written, and no document properties, so the workbook carries no author or time.
/// </remarks>
internal static class XlsxPackage
{
    /// <summary>The time every entry carries: the earliest a zip file can record.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string SheetPath = "xl/worksheets/sheet1.xml";

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Writes every part but the worksheet.</summary>
    public static void WriteFixedParts(ZipArchive archive, string sheetName)
    {
        WriteXml(archive, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypesNamespace);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, "/" + SheetPath, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            xml.WriteEndElement();
        });
        WriteXml(archive, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            Relationship(xml, "rId1", OfficeRelationships + "/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        WriteXml(archive, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            Relationship(xml, "rId1", OfficeRelationships + "/worksheet", "worksheets/sheet1.xml");
            Relationship(xml, "rId2", OfficeRelationships + "/styles", "styles.xml");
            xml.WriteEndElement();
        });

        var workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = "rId1" }));
        workbook.AddNamespaceDeclaration("r", OfficeRelationships);
        WriteElement(archive, "xl/workbook.xml", workbook);
        WriteElement(archive, "xl/styles.xml", Styles());
    }

    /// <summary>Opens the worksheet's entry for streaming.</summary>
    public static Stream OpenSheet(ZipArchive archive) => CreateEntry(archive, SheetPath).Open();

    /// <summary>The style of a text cell that a spreadsheet must keep as text: Excel's quote prefix (see <see cref="CsvTableWriter.Neutralise"/>).</summary>
    public const string QuotePrefixStyle = "2";

    /// <summary>Style 0 is the default; style 1 is bold, for the header row; style 2 is quote-prefixed text.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, QuotePrefix = true }) { Count = 3U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private static ZipArchiveEntry CreateEntry(ZipArchive archive, string path)
    {
        var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    private static void WriteElement(ZipArchive archive, string path, OpenXmlElement element)
    {
        // The SAX writer leaves the stream open: the entry must be closed before the next one is created.
        using var stream = CreateEntry(archive, path).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(element);
        writer.Close();
    }

    private static void WriteXml(ZipArchive archive, string path, Action<XmlWriter> write)
    {
        using var stream = CreateEntry(archive, path).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static void Default(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ContentTypesNamespace);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string partName, string contentType)
    {
        xml.WriteStartElement("Override", ContentTypesNamespace);
        xml.WriteAttributeString("PartName", partName);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", RelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }
}
