using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Observatory.Core.Spreadsheets;

/// <summary>
/// The cell styles of the workbooks the pipeline writes (templates and reports), as indices into one stylesheet.
/// Every style is locked unless it says otherwise, so that sheet protection guards all but the cells meant for input.
/// </summary>
internal static class WorkbookStyles
{
    /// <summary>Plain cell, locked.</summary>
    public const uint Plain = 0;
    /// <summary>A sheet's title: bold, larger.</summary>
    public const uint Title = 1;
    /// <summary>A column header: bold on a tinted fill, wrapped, bordered.</summary>
    public const uint Header = 2;
    /// <summary>A label beside a value (Country, Year): bold.</summary>
    public const uint Label = 3;
    /// <summary>A cell a person fills in: bordered and unlocked.</summary>
    public const uint Input = 4;
    /// <summary>A value shown for reference (last year's): italic on grey, locked.</summary>
    public const uint ReadOnly = 5;
    /// <summary>A cell that does not apply to its row: dark grey, locked.</summary>
    public const uint NotApplicable = 6;
    /// <summary>Running text: wrapped, aligned to the top.</summary>
    public const uint Wrapped = 7;
    /// <summary>A cell with an error: red fill, dark red text.</summary>
    public const uint ErrorCell = 8;
    /// <summary>A cell with a warning: amber fill, dark amber text.</summary>
    public const uint WarningCell = 9;
    /// <summary>The explanation of an error: dark red, wrapped.</summary>
    public const uint ErrorText = 10;
    /// <summary>The explanation of a warning: dark amber, wrapped.</summary>
    public const uint WarningText = 11;

    /// <summary>The fill of a cell with an error (Excel's "Bad" red), as ARGB hex.</summary>
    public const string ErrorFillRgb = "FFFFC7CE";

    /// <summary>The fill of a cell with a warning (Excel's "Neutral" amber), as ARGB hex.</summary>
    public const string WarningFillRgb = "FFFFEB9C";

    private const string HeaderFillRgb = "FFDDEBF7";
    private const string ReadOnlyFillRgb = "FFF2F2F2";
    private const string NotApplicableFillRgb = "FFBFBFBF";
    private const string ErrorTextRgb = "FF9C0006";
    private const string WarningTextRgb = "FF9C5700";

    /// <summary>The stylesheet whose cell formats the constants above index.</summary>
    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(),
            Font(bold: true),
            Font(bold: true, size: 14),
            Font(italic: true, color: "FF595959"),
            Font(color: ErrorTextRgb),
            Font(color: WarningTextRgb));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid(HeaderFillRgb),
            Solid(ReadOnlyFillRgb),
            Solid(NotApplicableFillRgb),
            Solid(ErrorFillRgb),
            Solid(WarningFillRgb));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));
        // The order of these formats is the order of the constants above.
        var formats = new CellFormats(
            Format(font: 0, fill: 0, border: 0),
            Format(font: 2, fill: 0, border: 0),
            Format(font: 1, fill: 2, border: 1, wrap: true),
            Format(font: 1, fill: 0, border: 0),
            Format(font: 0, fill: 0, border: 1, locked: false),
            Format(font: 3, fill: 3, border: 1),
            Format(font: 0, fill: 4, border: 1),
            Format(font: 0, fill: 0, border: 0, wrap: true),
            Format(font: 4, fill: 5, border: 1),
            Format(font: 5, fill: 6, border: 1),
            Format(font: 4, fill: 0, border: 0, wrap: true),
            Format(font: 5, fill: 0, border: 0, wrap: true));
        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Font Font(bool bold = false, bool italic = false, double size = 11, string? color = null)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size });
        if (color is not null) font.Append(new Color { Rgb = color });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string rgb) => new(new PatternFill(
        new ForegroundColor { Rgb = rgb },
        new BackgroundColor { Indexed = 64 })
    { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint border, bool wrap = false, bool locked = true)
    {
        var format = new CellFormat
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyFont = font != 0,
            ApplyFill = fill != 0,
            ApplyBorder = border != 0,
        };
        if (wrap)
        {
            format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
            format.ApplyAlignment = true;
        }
        if (!locked)
        {
            format.Append(new Protection { Locked = false });
            format.ApplyProtection = true;
        }
        return format;
    }
}
