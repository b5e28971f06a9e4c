using Observatory.Benchmarks.Suites;
using Observatory.Core.Reading;
using Observatory.Tests.Shared;
using Xunit.Abstractions;

namespace Observatory.Benchmarks.Smoke;

/// <summary>
/// The quick mode as a smoke test: every benchmark at small sizes against an Azurite of its own. It asserts what must hold whatever the machine's load: every return read, every row
/// kept, every upload accepted, storage requests within their bound. Never a time: times here say nothing.
/// </summary>
public sealed class QuickModeTests(OwnAzurite azurite, ITestOutputHelper output) : IClassFixture<OwnAzurite>
{
    [Fact]
    public async Task The_quick_run_reads_stores_compiles_and_accepts_everything_within_the_request_bounds()
    {
        BenchmarkRun.RegisterProbes();
        var work = Directory.CreateTempSubdirectory("observatory-benchmarks-smoke-").FullName;
        var log = new StringWriter();
        try
        {
            var settings = BenchmarkSettings.ForQuick(azurite.ConnectionString, work);
            var results = await BenchmarkRun.RunAsync(settings, BenchmarkParts.All, log);

            // 1. Both formats, every size: the validator kept one observation per row (the suites also check the counts).
            Assert.Equal(settings.ReadingRows.Count * 2, results.Reading!.Count);
            Assert.All(results.Reading, r => Assert.Equal(r.Rows, r.Observations));
            Assert.Equal([ReturnFormat.Xlsx, ReturnFormat.Csv], results.Reading.Select(r => r.Format).Distinct());
            Assert.All(results.Reading, r => Assert.Equal(r.Rows, r.PipelineMemory!.Items));

            // 2. One transaction per 100 observations, for our store and the baseline alike; a submission costs a
            // small constant beyond its batches, the same at every size.
            foreach (var storing in results.Storing!)
            {
                var batches = (storing.Observations + 99) / 100;
                Assert.Equal(batches, storing.StoreRequests);
                Assert.Equal(batches, storing.BaselineRequests);
                Assert.InRange(storing.Submission.Constant, 1, SubmissionRequestAllowance);
            }
            Assert.Single(results.Storing.Select(s => s.Submission.Constant).Distinct());

            // 3. Every seeded state is in the snapshot, with all its rows, and every file was written.
            var compiling = results.Compiling!;
            Assert.Equal(settings.CompileStates * (long)settings.CompileObservationsPerState, compiling.Rows);
            Assert.All(compiling.Files.Values, size => Assert.True(size > 0));

            // 4. Every state's upload accepted with all its rows (the suite checks the stored data too).
            var endToEnd = results.EndToEnd!;
            Assert.Equal(settings.EndToEndRuns, endToEnd.Rounds.Count);
            Assert.All(endToEnd.Rounds, round => Assert.Equal(settings.EndToEndStates, round.Uploads.Select(u => u.Country).Distinct().Count()));

            // 6. Every sample and the generated return checked with the verdict it must get (the suite checks it), and nothing written.
            var dryRun = results.DryRun!;
            Assert.Equal(6, dryRun.Count);
            Assert.All(dryRun, d => Assert.Equal(0, d.Writes));
            Assert.All(dryRun, d => Assert.True(d.ReadsPerRun > 0, d.File));
            Assert.Equal([DryRunBenchmark.GeneratedRows, DryRunBenchmark.GeneratedRows], dryRun.Where(d => d.File.StartsWith("generated", StringComparison.Ordinal)).Select(d => d.Rows));
        }
        finally
        {
            output.WriteLine(log.ToString());
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Requests a submission costs beyond its observation batches. The upload: the lock, the intake's note, the raw
    /// file, the record with its content marker and the note's removal in one transaction, the message (5). The
    /// processing: the record read and marked processing, the raw file, last year's pointer, the report, this year's
    /// pointer read and written, the verdict with its outbox row in one transaction, its queue message and the outbox
    /// row's removal (10). The record is not read again before each update: the store starts from the version it last
    /// read or wrote, and only a write refused for a stale ETag costs a read.
    /// </summary>
    private const int SubmissionRequestAllowance = 15;
}
