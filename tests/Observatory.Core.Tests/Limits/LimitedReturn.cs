using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Reports;
using Observatory.Core.Submissions;
using Observatory.Core.Tests.ReferenceData;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Limits;

/// <summary>A file read, validated and reported as the pipeline does it, for Mexico 2025, within given limits.</summary>
internal static class LimitedReturn
{
    public static ValidationOutcome Validate(byte[] file, ReturnFormat format, string fileName, ReturnLimits? limits = null)
    {
        limits ??= ReturnLimits.Default;
        var state = Shipped.States.FindByIso3("MEX")!;
        using var parsed = ReturnReader.Open(new MemoryStream(file), format, fileName, Shipped.Data, limits);
        return new ReturnValidator(Shipped.Data, limits).Validate(parsed, new ValidationContext(state, 2025, new Dictionary<string, Domain.Observation>()));
    }

    public static async Task<RenderedReport> RenderAsync(byte[] file, ReturnFormat format, string fileName, ReportFormat reportFormat, ReturnLimits? limits = null)
    {
        var outcome = Validate(file, format, fileName, limits);
        var submission = new Submission
        {
            Id = SubmissionId.New("MEX", 2025, DateTimeOffset.UnixEpoch),
            Country = "MEX",
            Year = 2025,
            Status = outcome.Accepted ? SubmissionStatus.Accepted : SubmissionStatus.Rejected,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            FileName = fileName,
            ContentType = FileNames.ContentTypeOf(format),
            Format = format,
            Sha256 = new string('0', 64),
            Size = file.Length,
            Language = Language.Es,
            SubmittedBy = "test",
            Counts = new SubmissionCounts(outcome.Rows, outcome.Observations.Count, outcome.ErrorCount, outcome.WarningCount),
        };
        var report = new SubmissionReport(submission.Id, outcome.Errors, outcome.Warnings) { Omitted = outcome.Omitted };
        return await new SubmissionReportRenderer(new OneFile(file), Shipped.Data, limits: limits)
            .RenderAsync(submission, report, reportFormat, Language.Es, CancellationToken.None);
    }

    /// <summary>The only error of <paramref name="outcome"/>, which must be of <paramref name="messageKey"/> and render in every language.</summary>
    public static Problem SingleError(ValidationOutcome outcome, string messageKey)
    {
        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(messageKey, error.MessageKey);
        foreach (var language in new[] { Language.En, Language.Es, Language.Pt, Language.Fr })
            Assert.False(string.IsNullOrWhiteSpace(MessageCatalog.Default.Render(error, language)));
        return error;
    }

    /// <summary>Keeps one raw file in memory, as blob storage would.</summary>
    private sealed class OneFile(byte[] content) : IRawFileStore
    {
        public Task SaveAsync(string name, Stream stream, string contentType, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => Task.FromResult<Stream>(new MemoryStream(content, writable: false));
        public Task DeleteAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
