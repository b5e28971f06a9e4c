using Observatory.Core.ReferenceData;

namespace Observatory.Core.Templates;

/// <summary>
/// Where everything stands on the template's data sheet: the title rows, the header, the listed rows and the rows
/// left free, and the columns (indicator, every dimension of the catalog, last year's value, value, flag, note).
/// </summary>
internal sealed class TemplateLayout
{
    /// <summary>The row of the title.</summary>
    public const int TitleRow = 1;
    /// <summary>The row stating the country.</summary>
    public const int CountryRow = 2;
    /// <summary>The row stating the year.</summary>
    public const int YearRow = 3;
    /// <summary>The row of the one-line hint.</summary>
    public const int HintRow = 4;
    /// <summary>The header's row; a blank row separates it from the hint.</summary>
    public const int HeaderRow = 6;
    /// <summary>Empty rows offered below the listed ones, for cells the template does not list.</summary>
    public const int FreeRows = 100;

    public TemplateLayout(IndicatorCatalog catalog, int listedRows)
    {
        Dimensions = [.. catalog.CodeLists.Where(l => l.IsDimension)];
        Columns = [ReturnColumn.Indicator, .. Dimensions.Select(d => d.Id), ReturnColumn.Previous, ReturnColumn.Value, ReturnColumn.Flag, ReturnColumn.Note];
        ListedRows = listedRows;
    }

    /// <summary>The dimension lists, in catalog order, each with a column.</summary>
    public IReadOnlyList<CodeList> Dimensions { get; }

    /// <summary>The data sheet's columns, left to right: <see cref="ReturnColumn"/> constants and dimension ids.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>How many rows are listed (pre-filled).</summary>
    public int ListedRows { get; }

    /// <summary>The first data row.</summary>
    public int FirstDataRow => HeaderRow + 1;

    /// <summary>The last listed row.</summary>
    public int LastListedRow => HeaderRow + ListedRows;

    /// <summary>The last row offered for input.</summary>
    public int LastDataRow => LastListedRow + FreeRows;

    /// <summary>The 0-based index of a column.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == column) return i;
        throw new ArgumentOutOfRangeException(nameof(column), column, "The template has no such column.");
    }
}
