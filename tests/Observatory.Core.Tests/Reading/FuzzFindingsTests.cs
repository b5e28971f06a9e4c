using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Tests.ReferenceData;
using Observatory.Core.Validation;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Reading;

/// <summary>
/// The defects afl-fuzz found in the xlsx reader (docs/security.md, "Fuzzing"), each spelled out as the smallest
/// workbook that shows it; the inputs afl-fuzz found are replayed as they were in tests/fuzz-corpus/xlsx/crash-*.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Theory]
    [InlineData("visible", 1)]
    [InlineData("hidden", 0)]
    [InlineData("veryHidden", 0)]
    [InlineData("shown", 1)]        // a state the Open XML SDK does not know: its typed value threw FormatException
    [InlineData("", 1)]
    public void A_sheet_state_Excel_does_not_know_is_read_as_visible(string state, int rows)
    {
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("A1", "Indicator"), ("B1", "Value")) + HostileWorkbook.Row(2, ("A2", "CT_VICT_DET"), ("B2", "12")),
            sheetState: state);

        var (records, problems) = Read(file);

        Assert.Equal(rows, records.Count);
        if (rows == 0)
            Assert.Contains(problems, p => p.MessageKey == "reading.no-header");   // the only sheet is hidden
        else
            Assert.DoesNotContain(problems, p => p.Type is ProblemTypes.FormatError or ProblemTypes.LimitExceeded);
    }

    [Fact]
    public void A_header_cell_written_twice_is_read_once_with_the_text_written_last()
    {
        // Two <c r="B1"> in the header row: the layout's column map threw ArgumentException (same key added twice).
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("A1", "Indicator"), ("B1", "Sex"), ("B1", "Value")) +
            HostileWorkbook.Row(2, ("A2", "CT_VICT_DET"), ("B2", "12")));

        var (records, problems) = Read(file);

        var record = Assert.Single(records);
        Assert.Equal("12", record.Get("value")?.Value.Display);
        Assert.Null(record.Get("sex"));
        Assert.DoesNotContain(problems, p => p.Type is ProblemTypes.FormatError or ProblemTypes.DuplicateLabel);
    }

    [Fact]
    public void Cells_written_out_of_order_are_read_in_column_order()
    {
        var file = HostileWorkbook.WithRows(
            HostileWorkbook.Row(1, ("B1", "Value"), ("A1", "Indicator")) +
            HostileWorkbook.Row(2, ("B2", "7"), ("A2", "CT_VICT_DET"), ("B2", "12")));

        var (records, _) = Read(file);

        var record = Assert.Single(records);
        Assert.Equal("CT_VICT_DET", record.Get("indicator")?.Value.Display);
        Assert.Equal("12", record.Get("value")?.Value.Display);
    }

    private static (List<ReturnRecord> Records, IReadOnlyList<Problem> Problems) Read(byte[] file)
    {
        using var parsed = ReturnReader.Open(new MemoryStream(file), ReturnFormat.Xlsx, "return.xlsx", Shipped.Data);
        var records = parsed.Records.ToList();
        return (records, parsed.Problems);
    }
}
