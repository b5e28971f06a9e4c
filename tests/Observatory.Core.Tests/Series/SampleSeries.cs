using Observatory.Core.Observations;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;
using Observatory.Core.Tests.Snapshots;

namespace Observatory.Core.Tests.Series;

/// <summary>Two annual snapshots (2024 and the sample 2025), each compiled into memory, and the series of both.</summary>
public sealed class SampleSeries : IAsyncLifetime
{
    public const string Version = "20260302T060000Z";
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    internal Dictionary<int, MemorySnapshotOutput> Annual { get; } = [];

    internal MemorySnapshotOutput Output { get; } = new();

    public SeriesManifest Manifest { get; private set; } = null!;

    internal IReadOnlyList<SeriesSource> Sources { get; private set; } = [];

    /// <summary>2024: ARG with a small count by sex that must be withheld, and MEX.</summary>
    internal static IReadOnlyList<ObservationSet> Data2024() =>
    [
        new StateData("ARG", 2024)
            .Count("CT_VICT_DET", "SEX=F", 2).Count("CT_VICT_DET", "SEX=M", 11).Count("CT_VICT_DET", "", 13)
            .Count("POP_U18", "", 12_900_000)
            .ToSet("ARG-2024-1"),
        new StateData("MEX", 2024)
            .Count("CT_VICT_DET", "", 131, note: "=datos preliminares")
            .Count("POP_U18", "", 39_800_000, flag: "provisional")
            .ToSet("MEX-2024-1"),
    ];

    internal static SeriesRequest Request(IReadOnlyList<SeriesSource> sources, string version = Version, DateTimeOffset? createdAt = null) =>
        new(version, createdAt ?? CreatedAt, sources, TestReferenceData.Catalog, TestReferenceData.States);

    internal Task<Stream> OpenAsync(SeriesSource source, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(Annual[source.Year][SnapshotFileNames.ObservationsJson]));

    public async Task InitializeAsync()
    {
        var sources = new List<SeriesSource>();
        foreach (var (year, data, version) in new[] { (2024, Data2024(), "20250301T060000Z"), (SampleSnapshot.Year, SampleSnapshot.Data(), "20260301T060000Z") })
        {
            var output = new MemorySnapshotOutput();
            var request = new SnapshotRequest(year, version, SampleSnapshot.CreatedAt, TestReferenceData.Catalog, TestReferenceData.States);
            var manifest = await new SnapshotCompiler().CompileAsync(request, AsyncEnumerableExtensions.ToAsyncEnumerable(data), output, CancellationToken.None);
            Annual[year] = output;
            sources.Add(new SeriesSource(year, version, manifest.Find(SnapshotFileNames.ObservationsJson)!.Sha256,
                manifest.Statistics.States, manifest.Statistics.Rows, manifest.Statistics.Withheld));
        }
        Sources = sources;
        Manifest = await new SeriesCompiler().CompileAsync(Request(sources), OpenAsync, Output, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
