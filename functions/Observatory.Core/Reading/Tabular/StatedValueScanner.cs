using System.Diagnostics.CodeAnalysis;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading.Tabular;

/// <summary>
/// Finds the country and year a sheet states about itself in key/value rows: "País: México" in one cell, or
/// "Year" | 2025 in two. The key is recognised like a column header (País, Country, Año, Year, …); turning the
/// value into a state or a year is left to the validator.
/// </summary>
internal sealed class StatedValueScanner(IColumnResolver resolver)
{
    public StatedValue? Country { get; private set; }

    public StatedValue? Year { get; private set; }

    /// <summary>Reads <paramref name="rows"/>; the first statement of each wins over later ones.</summary>
    public void Scan(string sheet, IEnumerable<SheetRow> rows)
    {
        foreach (var row in rows)
        {
            if (!TryReadStatement(row, out var column, out var cell))
                continue;
            var stated = new StatedValue(sheet, row.Number, cell);
            if (column == ReturnColumn.Country)
                Country ??= stated;
            else if (column == ReturnColumn.Year)
                Year ??= stated;
        }
    }

    private bool TryReadStatement(SheetRow row, out string column, out FieldCell value)
    {
        column = string.Empty;
        value = default;
        var cells = row.Cells;
        if (cells.Count is 0 or > 2)
            return false;
        var keyText = cells[0].Value.Display;
        var colon = keyText.IndexOf(':', StringComparison.Ordinal);
        var afterColon = colon >= 0 ? keyText[(colon + 1)..].Trim() : string.Empty;
        if (afterColon.Length > 0 && cells.Count == 1)
        {
            keyText = keyText[..colon];
            value = new FieldCell(cells[0].Letter, new CellValue(afterColon));
        }
        else if (cells.Count == 2 && (colon < 0 || afterColon.Length == 0))
        {
            // Two cells make a statement only when the second is a value, not another header ("País" | "Año").
            if (resolver.TryResolve(cells[1].Value.Display, out _, out _))
                return false;
            value = new FieldCell(cells[1].Letter, cells[1].Value);
        }
        else
        {
            return false;
        }
        if (!TryResolveKey(keyText, out var resolved)) return false;
        column = resolved;
        return column is ReturnColumn.Country or ReturnColumn.Year;
    }

    private bool TryResolveKey(string key, [MaybeNullWhen(false)] out string column)
    {
        key = key.Trim().TrimEnd(':').Trim();
        if (resolver.TryResolve(key, out column, out _))
            return true;
        // "Año (AAAA)", "Country (ISO3)": the hint in parentheses is not part of the name.
        var parenthesis = key.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 && resolver.TryResolve(key[..parenthesis].Trim(), out column, out _);
    }
}
