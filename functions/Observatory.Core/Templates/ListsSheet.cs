using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Spreadsheets;

namespace Observatory.Core.Templates;

/// <summary>
/// The hidden sheet that holds the drop-down lists, one column per list, each named by a workbook-level defined
/// name. A list kept in cells, unlike one written into the validation itself, has no length limit.
/// </summary>
internal static class ListsSheet
{
    /// <summary>The sheet's name. The reader passes over hidden sheets, so it never mistakes it for data.</summary>
    public const string Name = "Lists";

    /// <summary>The defined name of the indicator list.</summary>
    public const string Indicators = "List_Indicator";

    /// <summary>The defined name of the flag list.</summary>
    public const string Flags = "List_Flag";

    /// <summary>The defined name of a code list (a dimension or a value list).</summary>
    public static string Of(string codeListId) => "List_" + codeListId;

    /// <summary>The label a template writes for <paramref name="code"/> of <paramref name="list"/>.</summary>
    public static string Label(CodeList list, string code, Language language) =>
        list.Items.First(i => i.Code == code).Labels[language];

    /// <summary>Fills <paramref name="sheetData"/> with the lists and returns their defined names.</summary>
    public static IReadOnlyList<DefinedName> Write(SheetData sheetData, IndicatorCatalog catalog, TemplateTexts texts)
    {
        var language = texts.Language;
        var lists = new List<(string Name, IReadOnlyList<string> Labels)>
        {
            (Indicators, [.. catalog.Indicators.Where(i => !i.Derived).Select(i => i.Labels[language])]),
            (Flags, [texts.Get("flag.estimated"), texts.Get("flag.provisional")]),
        };
        lists.AddRange(catalog.CodeLists.Select(l => (Of(l.Id), (IReadOnlyList<string>)[.. l.Items.Select(i => i.Labels[language])])));

        var longest = lists.Max(l => l.Labels.Count);
        for (var row = 1; row <= longest; row++)
        {
            var cells = new Row { RowIndex = (uint)row };
            for (var column = 0; column < lists.Count; column++)
            {
                if (row <= lists[column].Labels.Count)
                    cells.Append(Cells.Text(column, row, lists[column].Labels[row - 1]));
            }
            sheetData.Append(cells);
        }

        return [.. lists.Select((list, column) =>
        {
            var letters = Reading.ColumnLetters.FromIndex(column);
            var last = list.Labels.Count.ToString(CultureInfo.InvariantCulture);
            return new DefinedName { Name = list.Name, Text = $"{Name}!${letters}$1:${letters}${last}" };
        })];
    }
}
