using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Reading.Support;

/// <summary>A return read to its end, as the validator reads it.</summary>
internal sealed record ReadResult(ParsedReturn Parsed, IReadOnlyList<ReturnRecord> Records, IReadOnlyList<Problem> Problems)
{
    public IEnumerable<Problem> OfType(string type) => Problems.Where(p => p.Type == type);

    public ReturnRecord Row(int number) => Records.Single(r => r.Row == number);
}

internal static class Read
{
    public static ReadResult Bytes(byte[] content, ReturnFormat format, string? fileName = null) =>
        Stream(new MemoryStream(content), format, fileName);

    /// <summary>Opens, reads every record, and checks every problem names a shipped message with the right arguments.</summary>
    public static ReadResult Stream(Stream content, ReturnFormat format, string? fileName = null)
    {
        using var parsed = ReturnReader.Open(content, format, fileName, TestColumnResolver.Instance);
        var records = parsed.Records.ToList();
        var problems = parsed.Problems.ToList();
        foreach (var problem in problems)
            AssertRenderable(problem);
        return new ReadResult(parsed, records, problems);
    }

    public static void AssertRenderable(Problem problem)
    {
        Assert.True(ReadingMessages.All.TryGetValue(problem.MessageKey, out var texts), $"No message {problem.MessageKey}.");
        foreach (var language in new[] { "en", "es", "pt", "fr" })
            Assert.Equal(ReadingMessages.ArgumentCount(texts![language]), problem.Arguments.Count);
    }
}
