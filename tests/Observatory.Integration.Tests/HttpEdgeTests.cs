using System.Text;
using Observatory.Functions.Admin;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>
/// The HTTP edge against malformed and oversized requests (issue 11, rows 11 and 15): 400 or 413 problem details,
/// never a 500, and nothing over the limit buffered.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HttpEdgeTests(PipelineHarness pipeline)
{
    private const long Limit = 25L * 1024 * 1024;
    private static readonly byte[] Csv = ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]);

    [Fact]
    public async Task A_multipart_body_without_a_boundary_is_refused_with_400()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var response = await pipeline.UploadAsync(key, "year=2024", Multipart("b0undary", Csv), "multipart/form-data");
        AssertProblem(response, 400, "boundary");
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_refused_with_400()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var whole = Multipart("b0undary", Csv);
        var response = await pipeline.UploadAsync(key, "year=2024", whole[..(whole.Length - 30)], "multipart/form-data; boundary=b0undary");
        AssertProblem(response, 400, "multipart");
    }

    [Fact]
    public async Task A_multipart_part_header_of_20_KB_is_refused_with_400()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var body = Multipart("b0undary", Csv, extraHeader: "X-Padding: " + new string('a', 20 * 1024));
        var response = await pipeline.UploadAsync(key, "year=2024", body, "multipart/form-data; boundary=b0undary");
        AssertProblem(response, 400, "16 KB");
    }

    [Fact]
    public async Task A_well_formed_multipart_upload_is_still_taken()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var file = ReturnFiles.Csv([["Indicator", "Value", "Note"], ["POL_HOTLINE", "YES", Guid.NewGuid().ToString("N")]]);
        var response = await pipeline.UploadAsync(key, "year=2023", Multipart("b0undary", file), "multipart/form-data; boundary=b0undary");
        Assert.Equal(202, response.Status);
        Assert.Equal("return.csv", response.Json.GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData(+1000)]
    [InlineData(-10)]
    public async Task A_Content_Length_that_does_not_match_the_body_is_refused_with_400(int lie)
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var request = pipeline.Request("POST", "/api/submissions", "year=2024", key, Csv, "text/csv");
        request.ContentLength = Csv.Length + lie;
        var response = await pipeline.InvokeAsync(request, r => pipeline.Function<UploadSubmission>().Run(r, CancellationToken.None));
        AssertProblem(response, 400, "Content-Length");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_as_soon_as_it_passes_the_limit()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var body = new CountingBody(Limit * 4);
        var request = pipeline.Request("POST", "/api/submissions", "year=2024", key, contentType: "text/csv");
        request.Body = body;   // no Content-Length: chunked
        var response = await pipeline.InvokeAsync(request, r => pipeline.Function<UploadSubmission>().Run(r, CancellationToken.None));
        AssertProblem(response, 413, "25 MB");
        Assert.InRange(body.BytesRead, Limit, Limit + 128 * 1024);
    }

    [Fact]
    public async Task A_chunked_multipart_body_over_the_limit_is_refused_with_413_before_it_is_buffered()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PER");
        var head = Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n");
        var body = new ConcatenatedBody(head, new CountingBody(Limit * 4));
        var request = pipeline.Request("POST", "/api/submissions", "year=2024", key, contentType: "multipart/form-data; boundary=b0undary");
        request.Body = body;
        var response = await pipeline.InvokeAsync(request, r => pipeline.Function<UploadSubmission>().Run(r, CancellationToken.None));
        AssertProblem(response, 413, "25 MB");
        Assert.InRange(body.Tail.BytesRead, Limit - 128 * 1024, Limit + 256 * 1024);
    }

    [Fact]
    public async Task A_key_label_of_32_K_characters_is_refused_with_400()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"country":"PER","label":"{{new string('l', 32 * 1024)}}"}""");
        var response = await pipeline.InvokeAsync(pipeline.Request("POST", "/api/admin/keys", key: pipeline.AdminKey, body: body, contentType: "application/json"),
            r => pipeline.Function<IssueApiKey>().Run(r, CancellationToken.None));
        AssertProblem(response, 400, "at most 200");
    }

    private static void AssertProblem(ApiResponse response, int status, string detail)
    {
        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Contains(detail, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static byte[] Multipart(string boundary, byte[] file, string? extraHeader = null)
    {
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"return.csv\"\r\n" +
                   (extraHeader is null ? "" : extraHeader + "\r\n") + "Content-Type: text/csv\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. file, .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")];
    }

    /// <summary>A fixed head followed by a counted tail, read as one body.</summary>
    private sealed class ConcatenatedBody(byte[] head, CountingBody tail) : Stream
    {
        private int _headRead;

        public CountingBody Tail => tail;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_headRead < head.Length)
            {
                var n = Math.Min(count, head.Length - _headRead);
                head.AsSpan(_headRead, n).CopyTo(buffer.AsSpan(offset));
                _headRead += n;
                return n;
            }
            return tail.Read(buffer, offset, count);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
