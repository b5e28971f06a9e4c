using Observatory.Fuzzing.Targets;

namespace Observatory.Core.Tests.Fuzzing;

/// <summary>
/// Replays the fuzzing corpus (tests/fuzz-corpus/TARGET/, the seeds and what afl-fuzz found, crashes and hangs
/// included once fixed) through the very targets scripts/fuzz.sh fuzzes, in process: each file must end in a verdict
/// or a documented refusal, with no exception escaping, within a time bound.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    /// <summary>
    /// afl-fuzz calls a run over 5 s a hang; twice that here, as the test machine runs other suites on its two cores
    /// at the same time. Every corpus file takes well under a second on its own.
    /// </summary>
    private static readonly TimeSpan PerFile = TimeSpan.FromSeconds(10);

    private static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "fuzz-corpus");

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusRoot, target)).Order(StringComparer.Ordinal))
                data.Add(target, Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Corpus_file_ends_in_a_verdict_in_time(string target, string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(CorpusRoot, target, file));
        // On a thread of its own, so a file that never ends fails this test instead of stalling the run.
        var run = Task.Factory.StartNew(() => FuzzTargets.Run(target, new MemoryStream(bytes, writable: false)),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var outcome = await run.WaitAsync(PerFile);

        Assert.True(outcome.Problems > 0 || outcome.Verdict is FuzzVerdict.Read or FuzzVerdict.Accepted,
            $"{target}/{file} was {outcome.Verdict} with nothing to say why");
        if (outcome.Verdict is FuzzVerdict.Refused or FuzzVerdict.Rejected)
            Assert.NotEmpty(outcome.MessageKeys);
    }

    [Fact]
    public void Every_target_has_seeds_and_the_corpus_stays_small()
    {
        foreach (var target in FuzzTargets.Names)
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(CorpusRoot, target)));
        var total = Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(total < 512 * 1024, $"the fuzzing corpus holds {total} bytes; keep it to a few hundred KB (afl-cmin, afl-tmin)");
    }

    [Theory]
    [InlineData(FuzzTargets.Xlsx)]
    [InlineData(FuzzTargets.Csv)]
    [InlineData(FuzzTargets.Json)]
    [InlineData(FuzzTargets.Validator)]
    public void Exhausted_memory_escapes_the_target_instead_of_becoming_a_verdict(string target)
    {
        // The replay and afl-fuzz are only worth something if a target lets a failure of the process through: memory
        // running out is never a bad file, so it must reach the caller (a crash to afl-fuzz), not a format-error.
        Assert.Throws<OutOfMemoryException>(() => FuzzTargets.Run(target, new ExhaustedStream()));
    }

    /// <summary>A seekable stream whose every read runs out of memory.</summary>
    private sealed class ExhaustedStream : MemoryStream
    {
        public ExhaustedStream() : base(new byte[64]) { }

        public override int Read(byte[] buffer, int offset, int count) => throw new OutOfMemoryException();

        public override int Read(Span<byte> buffer) => throw new OutOfMemoryException();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new OutOfMemoryException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new OutOfMemoryException();

        public override int ReadByte() => throw new OutOfMemoryException();
    }
}
