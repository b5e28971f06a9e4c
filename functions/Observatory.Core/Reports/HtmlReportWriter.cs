using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Reading.Tabular;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>
/// Writes the report as one self-contained, accessible page: plain HTML with inline CSS, the page's language
/// declared, tables with captions and header cells, and every problem named in words as well as in colour.
/// It lists the counts, every error and warning with its sheet, row, column and value, and the rows that have
/// problems as the file holds them, with the cells at fault marked.
/// </summary>
internal sealed class HtmlReportWriter(ReportTexts texts, MemberStateRegistry states, ReturnLimits limits)
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
        main{max-width:72rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{border:1px solid #8c8c8c;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#ddebf7}
        .error{background:#ffc7ce;color:#7a0006}.warning{background:#ffeb9c;color:#6b3d00}
        .status-accepted,.status-valid{color:#0b6b2b;font-weight:700}.status-rejected,.status-invalid{color:#9c0006;font-weight:700}
        td.number{font-variant-numeric:tabular-nums}
        """;

    public string Write(Submission submission, SubmissionReport report, IReadOnlyList<ReportSheet> sheets)
    {
        var html = new StringBuilder();
        var title = texts.Get("title");
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(texts.Language.ToCode()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode($"{title} — {(texts.Kind == ReportKind.Check ? submission.FileName : submission.Id)}")).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n");

        WriteDetails(html, submission, report);
        if (ReportSummary.Introduction(texts, submission.Status) is string introduction)
            html.Append("<p>").Append(Encode(introduction)).Append("</p>\n");

        if (report.Errors.Count + report.Warnings.Count == 0)
            html.Append("<p>").Append(Encode(texts.Get("none"))).Append("</p>\n");
        WriteProblems(html, "errors", report.Errors, "error", report.Omitted.Where(o => o.Severity == Severity.Error));
        WriteProblems(html, "warnings", report.Warnings, "warning", report.Omitted.Where(o => o.Severity == Severity.Warning));
        foreach (var sheet in sheets.Where(s => s.ProblemsByRow.Count > 0))
            WriteRows(html, sheet);

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private void WriteDetails(StringBuilder html, Submission submission, SubmissionReport report)
    {
        html.Append("<dl>\n");
        foreach (var detail in ReportSummary.Details(texts, states, submission, report))
        {
            html.Append("<dt>").Append(Encode(detail.Label)).Append("</dt><dd");
            if (detail.CssClass is not null) html.Append(" class=\"").Append(detail.CssClass).Append('"');
            html.Append('>').Append(Encode(detail.Value)).Append("</dd>\n");
        }
        html.Append("</dl>\n");
    }

    private void WriteProblems(StringBuilder html, string key, IReadOnlyList<Problem> problems, string cssClass, IEnumerable<ProblemCount> omitted)
    {
        if (problems.Count == 0) return;
        var counts = omitted.ToList();
        var heading = $"{texts.Get(key)} ({Invariant(problems.Count + counts.Sum(o => o.Count))})";
        html.Append("<section aria-labelledby=\"").Append(key).Append("\">\n<h2 id=\"").Append(key).Append("\">").Append(Encode(heading)).Append("</h2>\n")
            .Append("<table>\n<caption>").Append(Encode(heading)).Append("</caption>\n<thead><tr>");
        foreach (var column in new[] { "severity", "sheet", "row", "column", "value", "problem" })
            html.Append("<th scope=\"col\">").Append(Encode(texts.Get(column))).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var problem in problems)
        {
            html.Append("<tr><td class=\"").Append(cssClass).Append("\">").Append(Encode(texts.Severity(problem.Severity))).Append("</td>")
                .Append("<td>").Append(Encode(problem.Sheet ?? string.Empty)).Append("</td>")
                .Append("<td class=\"number\">").Append(Encode(problem.Row is int row ? Invariant(row) : texts.Get("whole-file"))).Append("</td>")
                .Append("<td>").Append(Encode(problem.Column ?? string.Empty)).Append("</td>")
                .Append("<td>").Append(Encode(problem.Value ?? string.Empty)).Append("</td>")
                .Append("<td>").Append(Encode(texts.Message(problem))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        // Past the problems kept in detail, the rest are counted by type: the page stays small whatever the file.
        foreach (var count in counts)
            html.Append("<p class=\"").Append(cssClass).Append("\">").Append(Encode(texts.Omitted(count))).Append("</p>\n");
        html.Append("</section>\n");
    }

    /// <summary>The rows of a sheet that have problems, under the sheet's header, each cell at fault marked in words and colour.</summary>
    private void WriteRows(StringBuilder html, ReportSheet sheet)
    {
        // First the columns that hold something in the rows shown, then those rows with only the cells shown: a row
        // of 16,384 cells is never kept whole.
        var dataColumns = new HashSet<int>();
        foreach (var row in sheet.Rows())
        {
            if (row.Number != sheet.HeaderRow && !sheet.ProblemsByRow.ContainsKey(row.Number)) continue;
            foreach (var cell in row.Cells) dataColumns.Add(cell.Column);
        }
        var lastColumn = dataColumns
            .Concat(sheet.ProblemsByRow.Values.SelectMany(p => p).Where(p => p.Column is not null).Select(p => p.Column!.Value))
            .DefaultIfEmpty(0).Max();
        // Every column up to the last, as the sheet has them; in a sheet too wide for a page, the marked ones and the first.
        IReadOnlyList<int> shown = lastColumn < limits.MaxReportColumns
            ? [.. Enumerable.Range(0, lastColumn + 1)]
            : sheet.ColumnsToShow(dataColumns, limits.MaxReportColumns);
        var shownSet = shown.ToHashSet();

        var kept = new List<SheetRow>();
        SheetRow? header = null;
        foreach (var row in sheet.Rows())
        {
            if (row.Number != sheet.HeaderRow && !sheet.ProblemsByRow.ContainsKey(row.Number)) continue;
            var cells = row.Cells.Count <= shown.Count ? row : new SheetRow(row.Number, [.. row.Cells.Where(c => shownSet.Contains(c.Column))]);
            if (row.Number == sheet.HeaderRow) header = cells;
            else kept.Add(cells);
        }
        var headerTexts = header?.Cells.ToDictionary(c => c.Column, c => c.Value.Display) ?? [];

        var caption = $"{texts.Get("rows-with-problems")} — {sheet.Name}";
        html.Append("<section>\n<h2>").Append(Encode(caption)).Append("</h2>\n<table>\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr>")
            .Append("<th scope=\"col\">").Append(Encode(texts.Get("row"))).Append("</th>");
        foreach (var column in shown)
        {
            var letter = ColumnLetters.FromIndex(column);
            var label = headerTexts.TryGetValue(column, out var text) ? $"{letter}: {text}" : letter;
            html.Append("<th scope=\"col\">").Append(Encode(label)).Append("</th>");
        }
        html.Append("<th scope=\"col\">").Append(Encode(texts.Get("problems-column"))).Append("</th></tr></thead>\n<tbody>\n");

        var rows = kept.ToDictionary(r => r.Number);
        foreach (var number in sheet.ProblemsByRow.Keys.Where(n => n != sheet.HeaderRow).Order())
        {
            var values = rows.TryGetValue(number, out var row) ? row.Cells.ToDictionary(c => c.Column, c => c.Value.Display) : [];
            html.Append("<tr><th scope=\"row\">").Append(Invariant(number)).Append("</th>");
            foreach (var column in shown)
            {
                var value = values.GetValueOrDefault(column, string.Empty);
                switch (sheet.SeverityAt(number, column))
                {
                    case Severity.Error:
                        html.Append("<td class=\"error\"><strong>").Append(Encode(texts.Severity(Severity.Error))).Append(":</strong> ").Append(Encode(value)).Append("</td>");
                        break;
                    case Severity.Warning:
                        html.Append("<td class=\"warning\"><strong>").Append(Encode(texts.Severity(Severity.Warning))).Append(":</strong> ").Append(Encode(value)).Append("</td>");
                        break;
                    default:
                        html.Append("<td>").Append(Encode(value)).Append("</td>");
                        break;
                }
            }
            html.Append("<td><ul>");
            foreach (var placed in sheet.ProblemsByRow[number])
                html.Append("<li>").Append(Encode(texts.Line(placed.Problem))).Append("</li>");
            html.Append("</ul></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Escapes markup and leaves letters of every script as they are: the page is UTF-8.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
