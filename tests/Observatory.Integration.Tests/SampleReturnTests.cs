using Observatory.Core.Problems;
using Observatory.Core.Validation;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>The sample returns in samples/ (loaded by ./run.sh --demo and used in the README) do what the README says.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SampleReturnTests(PipelineHarness pipeline)
{
    [Theory]
    [InlineData("samples/mexico-2025-es.xlsx", "MEX", ReturnFiles.XlsxType)]
    [InlineData("samples/brasil-2025-pt.csv", "BRA", "text/csv")]
    [InlineData("samples/haiti-2025-fr.xlsx", "HTI", ReturnFiles.XlsxType)]
    public async Task Each_valid_sample_is_accepted_without_warnings(string file, string country, string contentType)
    {
        var (_, key) = await pipeline.IssueKeyAsync(country);
        // Year 2023 keeps the samples' data apart from the other tests' 2024 data.
        var upload = await pipeline.UploadAsync(key, "year=2023", await File.ReadAllBytesAsync(RepositoryFiles.PathOf(file)), contentType);
        Assert.Equal(202, upload.Status);

        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, upload.Json.GetProperty("id").GetString()!);
        Assert.True("accepted" == status.Json.GetProperty("status").GetString(), status.Text);
        Assert.Equal(0, status.Json.GetProperty("counts").GetProperty("warnings").GetInt32());
        Assert.True(status.Json.GetProperty("counts").GetProperty("observations").GetInt32() >= 25);
    }

    [Fact]
    public async Task The_sample_with_errors_is_rejected_with_each_mistake_located()
    {
        var (_, key) = await pipeline.IssueKeyAsync("MEX");
        var upload = await pipeline.UploadAsync(key, "year=2022", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("samples/mexico-2025-es-errores.xlsx")), ReturnFiles.XlsxType);
        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, upload.Json.GetProperty("id").GetString()!);
        Assert.Equal("rejected", status.Json.GetProperty("status").GetString());
        var located = status.Json.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((ProblemTypes.ConstraintError, 6, "H"), located);
        Assert.Contains((ProblemTypes.UnknownCode, 7, "B"), located);
        Assert.Contains((ProblemTypes.TypeError, 9, "H"), located);
        Assert.Contains((ProblemTypes.UnknownIndicator, 22, "A"), located);
        Assert.Contains(located, e => e.Item1 == ProblemTypes.RowConstraint);
    }
}
