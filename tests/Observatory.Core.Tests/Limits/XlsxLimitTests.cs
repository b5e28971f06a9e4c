using System.Buffers.Binary;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;
using Observatory.Tests.Shared;
using static Observatory.Tests.Shared.HostileWorkbook;

namespace Observatory.Core.Tests.Limits;

/// <summary>
/// Issue 11, rows 1 and 2: workbooks made to exhaust memory (a shared string of tens of millions of characters, a
/// header at column ZZZZZZ) end rejected with a positioned error, having allocated nothing large.
/// </summary>
public class XlsxLimitTests
{
    private static readonly string[] Header = ["Indicador", "Valor"];

    /// <summary>Bytes allocated on this thread while <paramref name="action"/> ran.</summary>
    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void A_shared_string_of_fifty_million_characters_in_a_small_file_is_refused_before_it_is_read()
    {
        var file = Build(
            rows => rows.Write(Row(1, ("A1", "Indicador"), ("B1", "Valor")) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"),
            strings =>
            {
                strings.Write($"<sst xmlns=\"{MainNamespace}\"><si><t>");
                var chunk = new string('x', 1 << 20);
                for (var i = 0; i < 50; i++) strings.Write(chunk);
                strings.Write("</t></si></sst>");
            });
        Assert.True(file.Length < 1024 * 1024, $"The file is {file.Length} bytes.");

        ValidationOutcome? outcome = null;
        var allocated = Allocated(() => outcome = LimitedReturn.Validate(file, ReturnFormat.Xlsx, "bomba.xlsx"));

        var error = LimitedReturn.SingleError(outcome!, "limits.xlsx.package-size");
        Assert.Equal(ProblemTypes.LimitExceeded, error.Type);
        Assert.True(allocated < 32L * 1024 * 1024, $"Reading allocated {allocated} bytes.");
    }

    [Fact]
    public void A_shared_string_longer_than_a_cell_can_hold_is_refused()
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ("B1", "Valor")), [new string('x', 40_000)]);

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "largo.xlsx"), "limits.xlsx.shared-string");

        Assert.Equal(["1", "32767"], error.Arguments);
    }

    [Fact]
    public void Shared_strings_past_their_count_or_their_total_length_are_refused()
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ("B1", "Valor")), [.. Enumerable.Range(0, 11).Select(i => new string('a', 20) + i)]);

        LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "a.xlsx", new ReturnLimits { MaxSharedStrings = 10 }), "limits.xlsx.shared-strings");
        LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "a.xlsx", new ReturnLimits { MaxSharedStringChars = 100 }), "limits.xlsx.shared-string-chars");
        Assert.DoesNotContain(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "a.xlsx").Errors, e => e.Type == ProblemTypes.LimitExceeded);
    }

    [Fact]
    public void A_part_past_its_own_limit_is_refused_by_name()
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ("B1", "Valor")) + Row(2, ("A2", "CT_PERS_PROS"), ("B2", "12")));

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "a.xlsx", new ReturnLimits { MaxPartBytes = 200 }), "limits.xlsx.part-size");

        Assert.Matches(@"\.(xml|rels)$", error.Arguments[0]);
    }

    [Fact]
    public void A_package_that_understates_a_part_in_its_directory_is_not_read_past_the_size_it_states()
    {
        // 200,000 rows declared as 2,000 bytes: the runtime stops the part there, so the sizes checked are the sizes read.
        var file = Build(rows =>
        {
            rows.Write(Row(1, ("A1", "Indicador"), ("B1", "Valor")));
            for (var r = 2; r < 200_000; r++) rows.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>CT_PERS_PROS</t></is></c></row>");
        });
        Understate(file, "xl/worksheets/sheet1.xml", 2_000);

        var outcome = LimitedReturn.Validate(file, ReturnFormat.Xlsx, "mentiroso.xlsx");

        Assert.False(outcome.Accepted);
        Assert.True(outcome.Rows < 100, $"{outcome.Rows} rows were read.");
    }

    [Theory]
    [InlineData("ZZZZZZ")]
    [InlineData("FXSHRVS")]
    [InlineData("FXSHRXX")]
    [InlineData("XFE")]
    public void A_header_past_column_XFD_is_refused_where_it_stands_without_allocating_for_the_columns_before_it(string column)
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ($"{column}1", "Valor")) + Row(2, ("A2", "CT_PERS_PROS"), ($"{column}2", "12")));

        ValidationOutcome? outcome = null;
        var allocated = Allocated(() => outcome = LimitedReturn.Validate(file, ReturnFormat.Xlsx, "ancho.xlsx"));

        var error = LimitedReturn.SingleError(outcome!, "limits.columns");
        Assert.Equal(("Data", 1, column), (error.Sheet, error.Row, error.Value));
        Assert.Equal([column, "XFD", "16384"], error.Arguments);
        Assert.True(allocated < 16L * 1024 * 1024, $"Reading allocated {allocated} bytes.");
    }

    [Fact]
    public void The_last_column_XFD_is_read()
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ("XFD1", "Valor")) + Row(2, ("A2", "CT_PERS_PROS"), ("XFD2", "12")));

        var outcome = LimitedReturn.Validate(file, ReturnFormat.Xlsx, "ancho.xlsx");

        Assert.True(outcome.Accepted, string.Join("; ", outcome.Errors.Select(e => e.MessageKey)));
        Assert.Equal(12L, Assert.Single(outcome.Observations).Value.Number);
    }

    [Fact]
    public void A_row_past_1048576_is_refused_where_it_stands()
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ("B1", "Valor")) + Row(2, ("A2", "CT_PERS_PROS"), ("B2", "12")) + Row(1_048_577, ("A1048577", "CT_PERS_CONV"), ("B1048577", "1")));

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "largo.xlsx"), "limits.rows");

        Assert.Equal(("Data", "1048577"), (error.Sheet, error.Value));
    }

    [Fact]
    public void Rows_without_numbers_count_towards_the_row_limit()
    {
        var file = Build(rows =>
        {
            rows.Write(Row(1, ("A1", "Indicador"), ("B1", "Valor")));
            for (var r = 0; r < 1_100; r++) rows.Write("<row/>");
        });

        LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "vacio.xlsx", new ReturnLimits { MaxRows = 1_000 }), "limits.rows");
    }

    [Fact]
    public void An_inline_cell_longer_than_32767_characters_is_refused_at_its_cell()
    {
        var file = WithRows(Row(1, ("A1", "Indicador"), ("B1", "Valor"), ("C1", "Nota")) + Row(2, ("A2", "CT_PERS_PROS"), ("B2", "12"), ("C2", new string('n', 40_000))));

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(file, ReturnFormat.Xlsx, "nota.xlsx"), "limits.cell-chars");

        Assert.Equal(("Data", 2, "C"), (error.Sheet, error.Row, error.Column));
    }

    /// <summary>Rewrites the uncompressed size the zip's central directory states for <paramref name="entry"/>.</summary>
    private static void Understate(byte[] zip, string entry, uint size)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != 0x02014b50) continue;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28));
            if (!zip.AsSpan(i + 46, nameLength).SequenceEqual(name)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            return;
        }
        throw new InvalidOperationException($"No entry {entry}.");
    }
}
