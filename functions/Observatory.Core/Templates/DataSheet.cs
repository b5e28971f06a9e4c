using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Spreadsheets;

namespace Observatory.Core.Templates;

/// <summary>
/// The sheet a focal point fills in: title, country and year above a header of the catalog's column labels, the
/// listed rows with their drop-downs and value rules, free rows below, all protected but the input cells.
/// </summary>
internal sealed class DataSheet(IndicatorCatalog catalog, TemplateTexts texts, TemplateLayout layout)
{
    public Worksheet Build(MemberState state, int year, IReadOnlyList<TemplateRow> rows, string instructionsSheet)
    {
        var language = texts.Language;
        var data = new SheetData();
        data.Append(new Row(Cells.Text(0, TemplateLayout.TitleRow, texts.Get("title", state.Names[language], Invariant(year)), WorkbookStyles.Title)) { RowIndex = TemplateLayout.TitleRow });
        // Country and year as label and value: the reader takes them for what the file states about itself.
        data.Append(new Row(
            Cells.Text(0, TemplateLayout.CountryRow, ColumnLabel(ReturnColumn.Country), WorkbookStyles.Label),
            Cells.Text(1, TemplateLayout.CountryRow, state.Names[language]))
        { RowIndex = TemplateLayout.CountryRow });
        data.Append(new Row(
            Cells.Text(0, TemplateLayout.YearRow, ColumnLabel(ReturnColumn.Year), WorkbookStyles.Label),
            Cells.Number(1, TemplateLayout.YearRow, year))
        { RowIndex = TemplateLayout.YearRow });
        data.Append(new Row(Cells.Text(0, TemplateLayout.HintRow, texts.Get("data.hint", ColumnLabel(ReturnColumn.Value), instructionsSheet))) { RowIndex = TemplateLayout.HintRow });

        var header = new Row { RowIndex = TemplateLayout.HeaderRow };
        for (var column = 0; column < layout.Columns.Count; column++)
            header.Append(Cells.Text(column, TemplateLayout.HeaderRow, ColumnLabel(layout.Columns[column]), WorkbookStyles.Header));
        data.Append(header);

        var rowNumber = layout.FirstDataRow;
        foreach (var row in rows)
            data.Append(ListedRow(row, rowNumber++));
        for (; rowNumber <= layout.LastDataRow; rowNumber++)
            data.Append(FreeRow(rowNumber));

        return new Worksheet(
            Views(),
            Widths(),
            data,
            new SheetProtection
            {
                Sheet = true,
                Objects = true,
                Scenarios = true,
                FormatColumns = false,
                FormatRows = false,
                InsertRows = false,
            },
            Validations(rows),
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    private string ColumnLabel(string column) => catalog.FindColumn(column)!.Labels[texts.Language];

    private Row ListedRow(TemplateRow row, int rowNumber)
    {
        var language = texts.Language;
        var cells = new Row { RowIndex = (uint)rowNumber };
        cells.Append(Cells.Text(0, rowNumber, row.Indicator.Labels[language], WorkbookStyles.Input));
        foreach (var dimension in layout.Dimensions)
        {
            var column = layout.IndexOf(dimension.Id);
            var position = IndexOf(row.Indicator.Dimensions, dimension.Id);
            cells.Append(position < 0
                ? Cells.Empty(column, rowNumber, WorkbookStyles.NotApplicable)
                : Cells.Text(column, rowNumber, ListsSheet.Label(dimension, row.Codes[position], language), WorkbookStyles.Input));
        }
        var previous = layout.IndexOf(ReturnColumn.Previous);
        cells.Append(row.LastYear switch
        {
            { Number: long number } => Cells.Number(previous, rowNumber, number, WorkbookStyles.ReadOnly),
            { Code: string code } when row.Indicator.ValueList is string list => Cells.Text(previous, rowNumber, LabelOrCode(list, code), WorkbookStyles.ReadOnly),
            _ => Cells.Empty(previous, rowNumber, WorkbookStyles.ReadOnly),
        });
        foreach (var column in new[] { ReturnColumn.Value, ReturnColumn.Flag, ReturnColumn.Note })
            cells.Append(Cells.Empty(layout.IndexOf(column), rowNumber, WorkbookStyles.Input));
        return cells;
    }

    private Row FreeRow(int rowNumber)
    {
        var cells = new Row { RowIndex = (uint)rowNumber };
        for (var column = 0; column < layout.Columns.Count; column++)
        {
            var style = layout.Columns[column] == ReturnColumn.Previous ? WorkbookStyles.ReadOnly : WorkbookStyles.Input;
            cells.Append(Cells.Empty(column, rowNumber, style));
        }
        return cells;
    }

    private string LabelOrCode(string listId, string code)
    {
        var list = catalog.GetCodeList(listId);
        return list.Contains(code) ? ListsSheet.Label(list, code, texts.Language) : code;
    }

    private DataValidations Validations(IReadOnlyList<TemplateRow> rows)
    {
        var validations = new List<DataValidation>();
        var allRows = $"{layout.FirstDataRow}:{layout.LastDataRow}";

        // Indicator and breakdowns also accept codes and other languages, so a value off the list is questioned, not refused.
        validations.Add(ListRule(ColumnRange(ReturnColumn.Indicator, allRows), ListsSheet.Indicators, DataValidationErrorStyleValues.Warning));
        foreach (var dimension in layout.Dimensions)
            validations.Add(ListRule(ColumnRange(dimension.Id, allRows), ListsSheet.Of(dimension.Id), DataValidationErrorStyleValues.Warning));
        validations.Add(ListRule(ColumnRange(ReturnColumn.Flag, allRows), ListsSheet.Flags, DataValidationErrorStyleValues.Warning));

        // The value of each listed row gets the rule of its indicator's unit.
        var value = ColumnLetters.FromIndex(layout.IndexOf(ReturnColumn.Value));
        var byUnit = rows
            .Select((row, index) => (row.Indicator, Row: layout.FirstDataRow + index))
            .GroupBy(r => r.Indicator.ValueList);
        foreach (var group in byUnit)
        {
            var ranges = Ranges(value, group.Select(r => r.Row));
            validations.Add(group.Key is string list
                ? ListRule(ranges, ListsSheet.Of(list), DataValidationErrorStyleValues.Stop)
                : WholeNumberRule(ranges));
        }
        return new DataValidations(validations) { Count = (uint)validations.Count };
    }

    private DataValidation ListRule(string ranges, string definedName, DataValidationErrorStyleValues style) =>
        new(new Formula1(definedName))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorStyle = style,
            ErrorTitle = texts.Get("validation.list.title"),
            Error = texts.Get("validation.list.error"),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = ranges },
        };

    private DataValidation WholeNumberRule(string ranges) =>
        new(new Formula1("0"))
        {
            Type = DataValidationValues.Whole,
            Operator = DataValidationOperatorValues.GreaterThanOrEqual,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            PromptTitle = texts.Get("validation.whole.title"),
            Prompt = texts.Get("validation.whole.prompt"),
            ErrorTitle = texts.Get("validation.whole.title"),
            Error = texts.Get("validation.whole.error"),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = ranges },
        };

    private string ColumnRange(string column, string rows)
    {
        var letters = ColumnLetters.FromIndex(layout.IndexOf(column));
        var bounds = rows.Split(':');
        return $"{letters}{bounds[0]}:{letters}{bounds[1]}";
    }

    /// <summary>"I7:I26 I30": the rows as runs of consecutive cells of one column.</summary>
    private static string Ranges(string letters, IEnumerable<int> rows)
    {
        var sorted = rows.Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var end = i;
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1) end++;
            parts.Add(end == i ? $"{letters}{Invariant(sorted[i])}" : $"{letters}{Invariant(sorted[i])}:{letters}{Invariant(sorted[end])}");
            i = end + 1;
        }
        return string.Join(' ', parts);
    }

    private SheetViews Views()
    {
        var firstInput = Cells.Reference(layout.IndexOf(ReturnColumn.Value), layout.FirstDataRow);
        return new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = TemplateLayout.HeaderRow,
                TopLeftCell = Cells.Reference(0, layout.FirstDataRow),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstInput, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstInput } })
        { WorkbookViewId = 0 });
    }

    private Columns Widths()
    {
        var columns = new Columns(Cells.Width(0, 0, 55));
        var firstDimension = layout.IndexOf(layout.Dimensions[0].Id);
        columns.Append(Cells.Width(firstDimension, firstDimension + layout.Dimensions.Count - 1, 22));
        columns.Append(Cells.Width(layout.IndexOf(ReturnColumn.Previous), layout.IndexOf(ReturnColumn.Flag), 16));
        columns.Append(Cells.Width(layout.IndexOf(ReturnColumn.Note), layout.IndexOf(ReturnColumn.Note), 45));
        return columns;
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i] == item) return i;
        return -1;
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
