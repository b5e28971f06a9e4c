using System.Text;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Reading;

public class FormatDetectionTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00];
    private static readonly byte[] LegacyExcel = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n");

    public static TheoryData<string?, string?, byte[], ReturnFormat?> Cases => new()
    {
        // The bytes decide first, whatever the content type or name claims.
        { "application/octet-stream", null, Zip, ReturnFormat.Xlsx },
        { "text/csv", "return.csv", Zip, ReturnFormat.Xlsx },
        { null, null, Encoding.UTF8.GetBytes("  \r\n {\"observations\": []}"), ReturnFormat.Json },
        { "text/plain", null, [0xEF, 0xBB, 0xBF, (byte)'['], ReturnFormat.Json },
        { XlsxType, "return.xlsx", LegacyExcel, null },
        { "application/pdf", "return.csv", Pdf, null },
        // Then the content type, with or without parameters.
        { "text/csv; charset=utf-8", null, Encoding.UTF8.GetBytes("Indicator,Value"), ReturnFormat.Csv },
        { "application/json", "data.bin", Encoding.UTF8.GetBytes("oops"), ReturnFormat.Json },
        { "application/problem+json", null, Encoding.UTF8.GetBytes(""), ReturnFormat.Json },
        { XlsxType, null, Encoding.UTF8.GetBytes("not a zip"), ReturnFormat.Xlsx },
        // Then the name: browsers send csv as application/vnd.ms-excel.
        { "application/vnd.ms-excel", "Retorno MEX 2025.CSV", Encoding.UTF8.GetBytes("Indicador;Valor"), ReturnFormat.Csv },
        { null, "export.tsv", Encoding.UTF8.GetBytes("Indicator\tValue"), ReturnFormat.Csv },
        { "application/octet-stream", "return.json", Encoding.UTF8.GetBytes("nope"), ReturnFormat.Json },
        // Anything else is none of the three.
        { "application/octet-stream", "return.xls", Encoding.UTF8.GetBytes("Indicator,Value"), null },
        { null, null, Encoding.UTF8.GetBytes("Indicator,Value"), null },
        { "image/png", "scan.png", [0x89, 0x50, 0x4E, 0x47], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detects_the_format_from_bytes_then_content_type_then_name(string? contentType, string? fileName, byte[] head, ReturnFormat? expected) =>
        Assert.Equal(expected, ReturnReader.DetectFormat(contentType, fileName, head));

    [Theory]
    [InlineData("return.xls", "xls", "reading.unsupported.xls")]
    [InlineData("return.pdf", "pdf", "reading.unsupported.pdf")]
    [InlineData("scan.png", "png", "reading.unsupported")]
    public void Says_what_a_refused_file_is(string fileName, string kind, string messageKey)
    {
        var head = kind switch { "xls" => LegacyExcel, "pdf" => Pdf, _ => new byte[] { 0x89, 0x50, 0x4E, 0x47 } };

        var problem = ReturnReader.DescribeUnsupported("application/octet-stream", "uploads/" + fileName, head);

        Assert.Equal((ProblemTypes.FormatError, Severity.Error, messageKey, fileName), (problem.Type, problem.Severity, problem.MessageKey, problem.Value));
        Support.Read.AssertRenderable(problem);
    }
}
