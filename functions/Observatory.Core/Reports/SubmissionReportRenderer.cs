using System.Text;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>
/// Renders the validation report of a processed submission for the person who sent it: a workbook of their own rows
/// with each problem cell marked and explained beside it, or an accessible web page. The raw file is read again
/// from storage, so the rows are shown exactly as they were sent. Every text, the report's own labels included,
/// comes from the <see cref="MessageCatalog"/> in the language asked for.
/// </summary>
public sealed class SubmissionReportRenderer
{
    /// <summary>The content type of the workbook report.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The content type of the page report.</summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>The fill of a cell with an error in the workbook report, as ARGB hex (Excel's "Bad" red).</summary>
    public const string ErrorFillRgb = Spreadsheets.WorkbookStyles.ErrorFillRgb;

    /// <summary>The fill of a cell with a warning in the workbook report, as ARGB hex (Excel's "Neutral" amber).</summary>
    public const string WarningFillRgb = Spreadsheets.WorkbookStyles.WarningFillRgb;

    private readonly IRawFileStore _rawFiles;
    private readonly ReferenceDataSet _referenceData;
    private readonly MessageCatalog _messages;
    private readonly Reading.ReturnLimits _limits;

    /// <summary>Creates the renderer.</summary>
    /// <param name="rawFiles">Where the submitted files are kept.</param>
    /// <param name="referenceData">The catalog the file is read with, and the states' names.</param>
    /// <param name="messages">The messages; <see cref="MessageCatalog.Default"/> when null.</param>
    /// <param name="limits">The limits the file is read again within, and that keep the report small; <see cref="Reading.ReturnLimits.Default"/> when null.</param>
    public SubmissionReportRenderer(IRawFileStore rawFiles, ReferenceDataSet referenceData, MessageCatalog? messages = null, Reading.ReturnLimits? limits = null)
    {
        _rawFiles = rawFiles;
        _referenceData = referenceData;
        _messages = messages ?? MessageCatalog.Default;
        _limits = limits ?? Reading.ReturnLimits.Default;
    }

    /// <summary>Renders <paramref name="report"/> of <paramref name="submission"/> in <paramref name="format"/> and <paramref name="language"/>, its rows read from the stored raw file.</summary>
    /// <exception cref="FileNotFoundException">The submission's raw file is not in storage.</exception>
    public async Task<RenderedReport> RenderAsync(Submission submission, SubmissionReport report, ReportFormat format, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(report);
        byte[] raw;
        await using (var stream = await _rawFiles.OpenReadAsync(SubmissionIntake.RawFileName(submission), cancellationToken))
        using (var buffer = new MemoryStream(submission.Size is > 0 and <= int.MaxValue ? (int)submission.Size : 0))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            // Sized as the record says, the buffer is the file itself: no second copy of an upload of up to 25 MB.
            raw = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }

        return Render(raw, submission, report, format, language, ReportKind.Submission);
    }

    /// <summary>
    /// Renders <paramref name="report"/> over the file's own bytes: for a stored submission once its raw file is read,
    /// or for a dry run, whose file is in hand and never stored (then <paramref name="submission"/> is only its
    /// description, and the report is worded as a check).
    /// </summary>
    /// <param name="raw">The file as sent.</param>
    /// <param name="submission">What the file is: state, year, name, format, verdict and counts.</param>
    /// <param name="report">The problems found.</param>
    /// <param name="format">Workbook or page.</param>
    /// <param name="language">The language of every text.</param>
    /// <param name="kind">A submission's report or a dry run's.</param>
    public RenderedReport Render(byte[] raw, Submission submission, SubmissionReport report, ReportFormat format, Language language, ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(report);
        var texts = new ReportTexts(_messages, language, kind);
        IReadOnlyList<Problem> problems = [.. report.Errors, .. report.Warnings];
        using var sources = ReportSources.Open(raw, submission, problems, _referenceData, _limits);
        var baseName = kind == ReportKind.Check ? $"check-{submission.Country}-{submission.Year}-{language.ToCode()}" : $"report-{submission.Id}-{language.ToCode()}";
        return format == ReportFormat.Xlsx
            ? new RenderedReport(new XlsxReportWriter(texts, _referenceData.States, _limits).Write(submission, report, sources.Sheets), XlsxContentType, baseName + ".xlsx")
            : new RenderedReport(Encoding.UTF8.GetBytes(new HtmlReportWriter(texts, _referenceData.States, _limits).Write(submission, report, sources.Sheets)), HtmlContentType, baseName + ".html");
    }
}
