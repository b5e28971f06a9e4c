using System.Text;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;

namespace Observatory.Core.Tests.Submissions;

/// <summary>The search for a file's stated year inside the HTTP request reads a bounded prefix and honours cancellation (issue 11, row 4).</summary>
public sealed class StatedYearScanTests
{
    private static readonly TimeSpan Plenty = TimeSpan.FromMinutes(1);

    private static StatedYearScan.Outcome Find(string text, ReturnFormat format, long maxBytes, CancellationToken cancellationToken = default) =>
        StatedYearScan.Find(Encoding.UTF8.GetBytes(text), format, "return." + format.ToString().ToLowerInvariant(), ReferenceDataSet.Default, maxBytes, Plenty, cancellationToken);

    [Fact]
    public void The_year_column_of_the_first_data_row_is_found_within_the_budget()
    {
        var outcome = Find("Indicator,Value,Year\r\nPOL_HOTLINE,YES,2024\r\n", ReturnFormat.Csv, 4096);
        Assert.Equal(2024, outcome.Year);
        Assert.False(outcome.GaveUp);
    }

    [Fact]
    public void A_csv_is_read_no_further_than_the_last_whole_line_within_the_budget()
    {
        // The first data row, which states the year, ends past the budget.
        var outcome = Find($"Indicator,Value,Year,Note\r\nPOL_HOTLINE,YES,2024,{new string('n', 5000)}\r\n", ReturnFormat.Csv, 4096);
        Assert.Null(outcome.Year);
        Assert.True(outcome.GaveUp);
    }

    [Fact]
    public void A_JSON_document_over_the_budget_is_not_parsed_in_the_request()
    {
        var json = $$"""{"country":"MEX","year":2024,"observations":[{"indicator":"POL_HOTLINE","value":"YES","note":"{{new string('n', 5000)}}"}]}""";
        Assert.Equal(2024, Find(json, ReturnFormat.Json, 1 << 20).Year);
        var outcome = Find(json, ReturnFormat.Json, 4096);
        Assert.Null(outcome.Year);
        Assert.True(outcome.GaveUp);
    }

    [Fact]
    public void A_file_that_states_no_year_within_the_budget_is_not_taken_for_one_that_was_cut_short()
    {
        var outcome = Find("Indicator,Value\r\nPOL_HOTLINE,YES\r\n", ReturnFormat.Csv, 4096);
        Assert.Null(outcome.Year);
        Assert.False(outcome.GaveUp);
    }

    [Fact]
    public void A_cancelled_request_stops_the_search()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Find("Indicator,Value,Year\r\nPOL_HOTLINE,YES,2024\r\n", ReturnFormat.Csv, 4096, cancelled.Token));
    }
}

/// <summary>The read budget that stops a parser at its next read.</summary>
public sealed class ReadBudgetStreamTests
{
    [Fact]
    public void A_read_past_the_budget_stops_the_reader_and_says_so()
    {
        using var stream = new ReadBudgetStream(new MemoryStream(new byte[10_000]), 4096, CancellationToken.None);
        var buffer = new byte[1024];
        for (var i = 0; i < 4; i++) Assert.Equal(1024, stream.Read(buffer));
        Assert.Throws<OperationCanceledException>(() => stream.Read(buffer));
        Assert.True(stream.Exhausted);
    }

    [Fact]
    public void A_cancelled_token_stops_the_next_read()
    {
        using var cancellation = new CancellationTokenSource();
        using var stream = new ReadBudgetStream(new MemoryStream(new byte[10_000]), long.MaxValue, cancellation.Token);
        Assert.Equal(100, stream.Read(new byte[100]));
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => stream.Read(new byte[100]));
        Assert.False(stream.Exhausted);
    }
}
