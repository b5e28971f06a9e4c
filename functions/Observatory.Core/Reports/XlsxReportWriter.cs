using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Problems;
using Observatory.Core.Reading.Tabular;
using Observatory.Core.ReferenceData;
using Observatory.Core.Spreadsheets;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>
/// Writes the workbook report: a summary sheet (the submission, its counts and every problem), then the focal
/// point's own sheets as they sent them, each problem cell filled red (error) or amber (warning) and a problems
/// column explaining, beside each row, what is wrong there. Rows and columns keep their numbers and letters, so
/// "row 14, column F" is the same cell in the report as in the file.
/// </summary>
internal sealed class XlsxReportWriter(ReportTexts texts, MemberStateRegistry states, Reading.ReturnLimits limits)
{
    /// <summary>Excel's limit on the text of one cell.</summary>
    private const int MaxCellText = 32767;

    public byte[] Write(Submission submission, SubmissionReport report, IReadOnlyList<ReportSheet> sheets)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();
            var summaryName = texts.Get("sheet.summary");
            var summary = workbook.AddNewPart<WorksheetPart>();
            summary.Worksheet = Summary(submission, report);

            var entries = new List<Sheet> { new() { Name = summaryName, SheetId = 1, Id = workbook.GetIdOfPart(summary) } };
            var used = new HashSet<string>([summaryName], StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteRows(part, sheet);
                entries.Add(new Sheet { Name = UniqueName(sheet.Name, used), SheetId = (uint)entries.Count + 1, Id = workbook.GetIdOfPart(part) });
            }
            workbook.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), new Sheets(entries));
        }
        return output.ToArray();
    }

    private Worksheet Summary(Submission submission, SubmissionReport report)
    {
        var data = new SheetData();
        var row = 1;
        void Line(params Cell[] cells) => data.Append(new Row(cells) { RowIndex = (uint)row++ });

        Line(Cells.Text(0, row, texts.Get("title"), WorkbookStyles.Title));
        row++;
        foreach (var detail in ReportSummary.Details(texts, states, submission, report))
            Line(Cells.Text(0, row, detail.Label, WorkbookStyles.Label), Cells.Text(1, row, detail.Value));
        row++;
        if (ReportSummary.Introduction(texts, submission.Status) is string introduction)
            Line(Cells.Text(0, row, introduction));
        Line(Cells.Text(0, row, texts.Get("legend", texts.Get("problems-column"))));
        row++;

        var problems = report.Errors.Concat(report.Warnings).ToList();
        if (problems.Count == 0)
        {
            Line(Cells.Text(0, row, texts.Get("none"), WorkbookStyles.Label));
        }
        else
        {
            string[] headings = [texts.Get("severity"), texts.Get("sheet"), texts.Get("row"), texts.Get("column"), texts.Get("value"), texts.Get("problem")];
            Line([.. headings.Select((heading, column) => Cells.Text(column, row, heading, WorkbookStyles.Header))]);
            foreach (var problem in problems)
            {
                var error = problem.Severity == Severity.Error;
                Line(
                    Cells.Text(0, row, texts.Severity(problem.Severity), error ? WorkbookStyles.ErrorCell : WorkbookStyles.WarningCell),
                    Cells.Text(1, row, problem.Sheet ?? string.Empty),
                    problem.Row is int number ? Cells.Number(2, row, number) : Cells.Text(2, row, texts.Get("whole-file")),
                    Cells.Text(3, row, problem.Column ?? string.Empty),
                    Cells.Text(4, row, problem.Value ?? string.Empty),
                    Cells.Text(5, row, Clip(texts.Message(problem)), WorkbookStyles.Wrapped));
            }
            // Past the problems kept in detail, the rest are counted by type: the workbook stays small whatever the file.
            foreach (var omitted in report.Omitted)
                Line(
                    Cells.Text(0, row, texts.Severity(omitted.Severity), omitted.Severity == Severity.Error ? WorkbookStyles.ErrorCell : WorkbookStyles.WarningCell),
                    Cells.Text(5, row, texts.Omitted(omitted), WorkbookStyles.Wrapped));
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0, TabSelected = true }),
            new Columns(Cells.Width(0, 0, 24), Cells.Width(1, 1, 30), Cells.Width(2, 3, 10), Cells.Width(4, 4, 24), Cells.Width(5, 5, 100)),
            data);
    }

    /// <summary>
    /// Copies one sheet row by row with a writer that streams. A sheet of up to <see cref="Reading.ReturnLimits.MaxReportCells"/>
    /// cells is copied whole; of a larger one only the header and the rows with problems, and of those the columns a
    /// problem marks and the first others, up to <see cref="Reading.ReturnLimits.MaxReportColumns"/>: the report stays
    /// small whatever the file, and the problem list on the summary sheet names every cell.
    /// </summary>
    private void WriteRows(WorksheetPart part, ReportSheet sheet)
    {
        var lastColumn = 0;
        long cells = 0;
        foreach (var row in sheet.Rows())
        {
            lastColumn = Math.Max(lastColumn, row.Cells[^1].Column);
            cells += row.Cells.Count;
        }
        foreach (var placed in sheet.ProblemsByRow.Values.SelectMany(p => p))
            lastColumn = Math.Max(lastColumn, placed.Column ?? 0);
        var whole = cells <= limits.MaxReportCells;
        IReadOnlySet<int>? shown = null;
        if (!whole)
        {
            var selected = sheet.Rows().Where(r => r.Number == sheet.HeaderRow || sheet.ProblemsByRow.ContainsKey(r.Number));
            var columns = sheet.ColumnsToShow(selected.SelectMany(r => r.Cells).Select(c => c.Column), limits.MaxReportColumns);
            shown = columns.ToHashSet();
            lastColumn = columns.Count == 0 ? 0 : columns[^1];
        }
        // The problems column follows the last one copied, within the columns a sheet can have.
        var problemsColumn = Math.Min(lastColumn + 1, limits.MaxColumns - 1);

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.HeaderRow is int header)
        {
            writer.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = header,
                TopLeftCell = Cells.Reference(0, header + 1),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }));
        }
        writer.WriteElement(problemsColumn > 0
            ? new Columns(Cells.Width(0, problemsColumn - 1, 20), Cells.Width(problemsColumn, problemsColumn, 90))
            : new Columns(Cells.Width(problemsColumn, problemsColumn, 90)));
        writer.WriteStartElement(new SheetData());

        // Rows with problems but nothing in them (a blank row named by a message) are written between the others.
        var problemRows = new Queue<int>(sheet.ProblemsByRow.Keys.Order());
        foreach (var row in sheet.Rows())
        {
            while (problemRows.TryPeek(out var pending) && pending < row.Number)
                WriteRow(writer, sheet, new SheetRow(problemRows.Dequeue(), []), problemsColumn, shown);
            var hasProblems = problemRows.TryPeek(out var same) && same == row.Number;
            if (hasProblems) problemRows.Dequeue();
            if (whole || hasProblems || row.Number == sheet.HeaderRow)
                WriteRow(writer, sheet, row, problemsColumn, shown);
        }
        while (problemRows.TryDequeue(out var pending))
            WriteRow(writer, sheet, new SheetRow(pending, []), problemsColumn, shown);

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void WriteRow(OpenXmlWriter writer, ReportSheet sheet, SheetRow row, int problemsColumn, IReadOnlySet<int>? shown)
    {
        var number = row.Number;
        var isHeader = sheet.HeaderRow == number;
        sheet.ProblemsByRow.TryGetValue(number, out var problems);
        // Cells named by a problem are written even when blank, so their fill shows where the value is missing.
        var columns = row.Cells.Select(c => c.Column)
            .Concat(problems?.Where(p => p.Column is not null).Select(p => p.Column!.Value) ?? [])
            .Where(c => c < problemsColumn && (shown is null || shown.Contains(c)))
            .Distinct()
            .Order();
        var values = row.Cells.ToDictionary(c => c.Column, c => c.Value);

        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        foreach (var column in columns)
        {
            var style = sheet.SeverityAt(number, column) switch
            {
                Severity.Error => WorkbookStyles.ErrorCell,
                Severity.Warning => WorkbookStyles.WarningCell,
                _ => isHeader ? WorkbookStyles.Header : WorkbookStyles.Plain,
            };
            writer.WriteElement(values.TryGetValue(column, out var value)
                ? Cells.Copy(column, number, value, style)
                : Cells.Empty(column, number, style));
        }
        if (isHeader)
        {
            writer.WriteElement(Cells.Text(problemsColumn, number, texts.Get("problems-column"), WorkbookStyles.Header));
        }
        else if (problems is not null)
        {
            var lines = string.Join('\n', problems.Select(p => texts.Line(p.Problem)));
            var style = problems.Any(p => p.Problem.Severity == Severity.Error) ? WorkbookStyles.ErrorText : WorkbookStyles.WarningText;
            writer.WriteElement(Cells.Text(problemsColumn, number, Clip(lines), style));
        }
        writer.WriteEndElement();
    }

    /// <summary>A sheet name Excel accepts (at most 31 characters, none of []:*?/\) that no other sheet of the report has.</summary>
    private static string UniqueName(string name, HashSet<string> used)
    {
        var cleaned = new string([.. name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c)]).Trim('\'').Trim();
        if (cleaned.Length == 0) cleaned = "Data";
        if (cleaned.Length > 31) cleaned = cleaned[..31];
        var candidate = cleaned;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (cleaned.Length + suffix.Length > 31 ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }
        return candidate;
    }

    private static string Clip(string text) => text.Length <= MaxCellText ? text : text[..(MaxCellText - 1)] + "…";

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
