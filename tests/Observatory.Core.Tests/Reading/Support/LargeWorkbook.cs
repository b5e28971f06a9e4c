using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Observatory.Core.Tests.Reading.Support;

/// <summary>
/// Writes a workbook of many rows with the SAX-style <see cref="OpenXmlWriter"/>, so that making it does not hold
/// the rows in memory either. Its labels are a few shared strings and each row's note an inline string, so the
/// shared-string table stays the same size whatever the number of rows.
/// </summary>
internal static class LargeWorkbook
{
    private static readonly string[] Strings = ["Indicator", "Sex", "Age", "Value", "Note", "CT_VICT_DET", "F", "M", "Y0T11", "Y12T17"];

    public static void Write(string path, int dataRows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
            new SharedStringTable(Strings.Select(s => new SharedStringItem(new SheetText(s))));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, Shared(0), Shared(1), Shared(2), Shared(3), Shared(4));
            for (var i = 0; i < dataRows; i++)
            {
                var row = i + 2;
                WriteRow(writer, row, Shared(5), Shared(6 + i % 2), Shared(8 + i / 2 % 2), Number(i % 97),
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new SheetText("row " + row.ToString(CultureInfo.InvariantCulture))) });
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Data", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
    }

    private static Cell Shared(int index) =>
        new() { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };

    private static Cell Number(int value) => new() { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };

    private static void WriteRow(OpenXmlWriter writer, int number, params Cell[] cells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, number.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = Observatory.Core.Reading.ColumnLetters.FromIndex(i) + number.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cells[i]);
        }
        writer.WriteEndElement();
    }
}
