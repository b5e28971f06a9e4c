namespace Observatory.Core.Reports;

/// <summary>The forms a validation report is given in.</summary>
public enum ReportFormat
{
    /// <summary>A web page, readable on any device and by screen readers.</summary>
    Html,
    /// <summary>A workbook: the focal point's own rows with each problem marked and explained beside it.</summary>
    Xlsx,
}

/// <summary>A report ready to send.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">Its content type (with charset for HTML).</param>
/// <param name="FileName">A name to offer for download.</param>
public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);

/// <summary>What a report is of: a submission that was stored, or a dry run of a file that was only checked.</summary>
public enum ReportKind
{
    /// <summary>A submission: its verdict is accepted or rejected, and an accepted one's figures were stored.</summary>
    Submission,
    /// <summary>A dry run: its verdict is valid or invalid, and nothing of the file was stored.</summary>
    Check,
}
