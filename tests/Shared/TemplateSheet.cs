using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Xunit;

namespace Observatory.Tests.Shared;

/// <summary>
/// The data sheet of a generated template as a person finds their way in it: the columns by their header labels, the
/// rows by the indicator and breakdown written in them.
/// </summary>
internal sealed class TemplateSheet
{
    private static IndicatorCatalog Catalog => ReferenceDataSet.Default.Catalog;

    private readonly GeneratedWorkbook _workbook;
    private readonly Dictionary<string, string> _letters = new(StringComparer.Ordinal);

    public TemplateSheet(GeneratedWorkbook workbook, Language language)
    {
        _workbook = workbook;
        Language = language;
        // The data sheet is the visible sheet whose header names both the indicator and the value.
        foreach (var sheet in workbook.Sheets.Where(s => s.State is null))
        {
            foreach (var row in workbook.Rows(sheet.Name!))
            {
                var labels = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                    .Select(c => (Letter: new string(c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).ToArray()), Text: workbook.Text(c)))
                    .ToList();
                if (!labels.Any(l => l.Text == Label(ReturnColumn.Indicator)) || !labels.Any(l => l.Text == Label(ReturnColumn.Value))) continue;
                Name = sheet.Name!;
                HeaderRow = (int)row.RowIndex!.Value;
                foreach (var column in Catalog.Columns)
                {
                    var match = labels.FirstOrDefault(l => l.Text == column.Labels[language]);
                    if (match.Letter is not null) _letters[column.Column] = match.Letter;
                }
                return;
            }
        }
        throw new InvalidOperationException("The template has no data sheet with a header.");
    }

    public Language Language { get; }

    public string Name { get; } = string.Empty;

    public int HeaderRow { get; }

    public string Label(string column) => Catalog.FindColumn(column)!.Labels[Language];

    /// <summary>The letter of a column (a <see cref="ReturnColumn"/> constant or a dimension id), found by its header.</summary>
    public string Letter(string column) => _letters[column];

    public bool HasColumn(string column) => _letters.ContainsKey(column);

    public string Text(string column, int row) => _workbook.Text(Name, Letter(column) + row);

    /// <summary>The listed rows: those below the header whose indicator cell is filled in.</summary>
    public IReadOnlyList<int> ListedRows =>
        [.. _workbook.Rows(Name).Select(r => (int)r.RowIndex!.Value).Where(r => r > HeaderRow && Text(ReturnColumn.Indicator, r).Length > 0)];

    /// <summary>The listed row of an indicator cell: its label, and the label of each dimension's code (blank or "Total" for _T).</summary>
    public int RowOf(string indicatorCode, params (string Dimension, string Code)[] codes)
    {
        var indicator = Catalog.FindIndicator(indicatorCode)!;
        return ListedRows.Single(row =>
        {
            if (Text(ReturnColumn.Indicator, row) != indicator.Labels[Language]) return false;
            foreach (var dimension in indicator.Dimensions)
            {
                var code = codes.FirstOrDefault(c => c.Dimension == dimension).Code ?? CodeList.Total;
                var written = Text(dimension, row);
                Assert.True(Catalog.TryResolveCode(dimension, written, out var resolved), $"'{written}' in {dimension} of row {row}");
                if (resolved != code) return false;
            }
            return true;
        });
    }
}
