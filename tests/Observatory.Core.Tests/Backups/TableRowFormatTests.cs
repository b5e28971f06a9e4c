using System.Buffers;
using System.Text;
using Observatory.Core.Backups;

namespace Observatory.Core.Tests.Backups;

public sealed class TableRowFormatTests
{
    private static readonly TableRow Typed = new("MEX-2025", "row~1", new Dictionary<string, object?>
    {
        ["Text"] = "niñas y niños \"entre comillas\"\nsegunda línea",
        ["Flag"] = true,
        ["Small"] = -42,
        ["Large"] = 9_007_199_254_740_993L,
        ["Whole"] = 5.0,
        ["Fraction"] = 0.1,
        ["NotANumber"] = double.NaN,
        ["At"] = new DateTimeOffset(2025, 3, 1, 6, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
        ["Id"] = Guid.Parse("6f1c2b4e-8a1d-4c7e-9b3f-2a5d6e7f8091"),
        ["Bytes"] = new byte[] { 0, 1, 2, 255 },
    });

    [Fact]
    public void Every_stored_type_reads_back_as_the_same_type_and_value()
    {
        var read = TableRowFormat.ReadLine(Write(Typed).TrimEnd('\n'));

        Assert.Equal(Typed.PartitionKey, read.PartitionKey);
        Assert.Equal(Typed.RowKey, read.RowKey);
        Assert.Equal(Typed.Properties.Keys.Order(), read.Properties.Keys.Order());
        foreach (var (name, value) in Typed.Properties)
        {
            Assert.IsType(value!.GetType(), read.Properties[name]);
            if (value is byte[] bytes) Assert.Equal(bytes, (byte[])read.Properties[name]!);
            else Assert.Equal(value, read.Properties[name]);
        }
    }

    [Fact]
    public void A_row_is_one_line_in_the_table_services_json_with_types_where_json_would_lose_them()
    {
        var line = Write(Typed);

        Assert.EndsWith("\n", line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"Large\":\"9007199254740993\",\"Large@odata.type\":\"Edm.Int64\"", line);
        Assert.Contains("\"Whole\":5,\"Whole@odata.type\":\"Edm.Double\"", line);
        Assert.Contains("\"Small\":-42,", line);
        Assert.DoesNotContain("Small@odata.type", line);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"RowKey\":\"r\"}")]
    [InlineData("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"N\":\"x\",\"N@odata.type\":\"Edm.Int64\"}")]
    [InlineData("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"N\":1,\"N@odata.type\":\"Edm.Decimal\"}")]
    public void A_line_that_is_not_an_entity_is_refused_with_a_reason(string line)
    {
        var error = Assert.Throws<FormatException>(() => TableRowFormat.ReadLine(line));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static string Write(TableRow row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        TableRowFormat.WriteLine(row, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
