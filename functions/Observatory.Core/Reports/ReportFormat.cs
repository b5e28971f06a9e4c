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
