using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.ReferenceData;
using Observatory.Core.Spreadsheets;

namespace Observatory.Core.Templates;

/// <summary>
/// The first sheet: how to fill in the return, in numbered steps, then what each indicator counts. Its text stands in
/// one column, one paragraph a cell, so no row of it can be mistaken for a header.
/// </summary>
internal sealed class InstructionsSheet(IndicatorCatalog catalog, TemplateTexts texts)
{
    public Worksheet Build(MemberState state, int year, string dataSheet)
    {
        var language = texts.Language;
        string Column(string column) => catalog.FindColumn(column)!.Labels[language];
        var total = catalog.CodeLists.First(l => l.IsDimension).Items.First(i => i.Code == CodeList.Total).Labels[language];
        var steps = new[]
        {
            texts.Get("instructions.purpose", state.Names[language], Invariant(year), dataSheet),
            texts.Get("instructions.rows", Column(ReturnColumn.Value)),
            texts.Get("instructions.counts"),
            texts.Get("instructions.answers", Column(ReturnColumn.Value)),
            texts.Get("instructions.previous", Column(ReturnColumn.Previous), Invariant(year - 1)),
            texts.Get("instructions.breakdowns", total),
            texts.Get("instructions.more-rows"),
            texts.Get("instructions.flags", Column(ReturnColumn.Flag), Column(ReturnColumn.Note)),
            texts.Get("instructions.keep"),
            texts.Get("instructions.report"),
        };

        var data = new SheetData();
        var row = 1;
        data.Append(new Row(Cells.Text(0, row, texts.Get("instructions.title"), WorkbookStyles.Title)) { RowIndex = (uint)row });
        row++;
        for (var i = 0; i < steps.Length; i++)
        {
            row++;
            data.Append(new Row(Cells.Text(0, row, $"{i + 1}. {steps[i]}", WorkbookStyles.Wrapped)) { RowIndex = (uint)row });
        }
        row += 2;
        data.Append(new Row(Cells.Text(0, row, texts.Get("instructions.catalog"), WorkbookStyles.Label)) { RowIndex = (uint)row });
        foreach (var indicator in catalog.Indicators.Where(i => !i.Derived))
        {
            row++;
            var text = $"{indicator.Labels[language]} ({indicator.Code}): {indicator.Descriptions[language]}";
            data.Append(new Row(Cells.Text(0, row, text, WorkbookStyles.Wrapped)) { RowIndex = (uint)row });
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0, TabSelected = true, ShowGridLines = false }),
            new Columns(Cells.Width(0, 0, 120)),
            data,
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true },
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
