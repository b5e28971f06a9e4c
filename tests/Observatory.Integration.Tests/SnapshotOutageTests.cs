using System.Security.Cryptography;
using Observatory.Core.Snapshots;
using Observatory.Functions.OpenData;
using Observatory.Functions.Snapshots;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// Snapshot publication driven through an outage at each of its storage steps in turn, by a fault injected in the SDK's
/// pipeline (<see cref="StorageFaults"/>): after recovery the year is published whole, every listed version's files
/// complete. The steps alternate between two classes (<see cref="SnapshotOutageFirstHalfTests"/>,
/// <see cref="SnapshotOutageSecondHalfTests"/>), each on an Azurite of its own, so that the two halves run beside each
/// other and beside the tests that share one (together they are the longest test), and none changes another's
/// snapshots, series or queues.
/// </summary>
public abstract class SnapshotOutageTests : IAsyncLifetime
{
    private readonly OwnAzurite _azurite = new();
    private readonly StorageFaults _faults = new();
    private PipelineHarness _pipeline = null!;

    /// <summary>Which half of the steps this class takes: 0 the first, third, fifth…, 1 the second, fourth….</summary>
    protected abstract int Half { get; }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pipeline = PipelineHarness.Over(_azurite.ConnectionString, _faults);
        await _pipeline.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_snapshot_compile_that_meets_an_outage_at_any_storage_step_publishes_whole_when_compiled_again()
    {
        const int year = 2019;
        var (_, key) = await _pipeline.IssueKeyAsync("PAN");
        var upload = await _pipeline.UploadAsync(key, $"country=PAN&year={year}",
            ReturnFiles.Csv([["Indicator", "Sex", "Value", "Note"], ["CT_PERS_PROS", "_T", 10, null], ["CT_PERS_CONV", "_T", 4, null]]), "text/csv");
        Assert.Equal(202, upload.Status);
        await _pipeline.ProcessAllAsync();

        var published = 0;
        var leaseOutlived = 0;
        for (var index = Half; ; index += 2)
        {
            var step = StepAt(index);
            Assert.True(step < 400, "publication took more storage steps than expected");
            var kind = step % 4 == 0 ? FaultMode.Timeout : FaultMode.Unreachable;
            _faults.ResetLog();
            _faults.Arm(StorageFault.AtStep(step, kind));
            int? status = null;
            Exception? error = null;
            try { status = (await CompileAsync(year)).Status; }
            catch (Exception e) { error = e; /* staff or the timer try again */ }
            _faults.Heal();
            var fired = _faults.Fired;
            if (!fired) Assert.True(status == 201, $"step {step}: {status} {error}");

            // After recovery a compile publishes a whole version. A compile cut off by the outage could not give
            // its lease of the year back: it holds until it expires.
            var again = await CompileAsync(year);
            if (fired && again.Status == 409)
            {
                leaseOutlived++;
                _pipeline.Clock.Advance(SnapshotPublisher.CompileLease + TimeSpan.FromMinutes(1));
                again = await CompileAsync(year);
            }
            Assert.True(again.Status == 201, $"step {step} ({kind}): {again.Status} {again.Text}");
            published += 2;
            if (!fired) break;
        }

        Assert.True(leaseOutlived < published / 2, "most outages left the lease held");

        // Every listed version of the year is complete: each file is served and matches its checksum.
        var listing = await _pipeline.InvokeAsync(_pipeline.Request("GET", "/api/opendata"), r => _pipeline.Function<ListOpenData>().Run(r, CancellationToken.None));
        var versions = listing.Json.GetProperty("snapshots").EnumerateArray().Where(s => s.GetProperty("year").GetInt32() == year).ToList();
        Assert.InRange(versions.Count, published / 2, published);
        foreach (var version in versions)
            foreach (var file in version.GetProperty("files").EnumerateArray())
            {
                var name = file.GetProperty("name").GetString()!;
                var v = version.GetProperty("version").GetString()!;
                var response = await _pipeline.InvokeAsync(_pipeline.Request("GET", $"/api/opendata/{year}/{v}/{name}"),
                    r => _pipeline.Function<GetOpenDataFile>().Run(r, year, v, name, CancellationToken.None));
                Assert.Equal(200, response.Status);
                Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(response.Body)));
            }
    }

    /// <summary>
    /// The storage step the <paramref name="index"/>-th outage meets: every step of the start (lease, version, history,
    /// the first reads and writes), then every fifth. The state reads and the file writes repeat one pattern, and a
    /// file takes two to five requests, so over the run the steps fall on each position of a file's writes (the year's
    /// files, then the series').
    /// </summary>
    private static int StepAt(int index) => index < 16 ? index + 1 : 16 + 5 * (index - 15);

    private Task<ApiResponse> CompileAsync(int year) =>
        _pipeline.InvokeAsync(_pipeline.Request("POST", $"/api/snapshots/{year}", key: _pipeline.AdminKey),
            r => _pipeline.Function<CompileSnapshot>().Run(r, year.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
}

/// <summary>The first, third, fifth… of <see cref="SnapshotOutageTests"/>' steps.</summary>
public sealed class SnapshotOutageFirstHalfTests : SnapshotOutageTests
{
    /// <inheritdoc />
    protected override int Half => 0;
}

/// <summary>The second, fourth, sixth… of <see cref="SnapshotOutageTests"/>' steps.</summary>
public sealed class SnapshotOutageSecondHalfTests : SnapshotOutageTests
{
    /// <inheritdoc />
    protected override int Half => 1;
}
