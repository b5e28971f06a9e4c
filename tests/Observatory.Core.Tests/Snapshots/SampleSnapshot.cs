using Observatory.Core.Observations;
using Observatory.Core.Snapshots;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>A small snapshot of three states with hand-checked figures, compiled once for the tests that read its files.</summary>
public sealed class SampleSnapshot : IAsyncLifetime
{
    public const int Year = 2025;

    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The files of the first version of a year: every file but changes.csv.</summary>
    public static IReadOnlyList<string> FirstVersionFiles { get; } = [.. SnapshotFileNames.All.Where(n => n != SnapshotFileNames.Changes)];

    internal MemorySnapshotOutput Output { get; } = new();

    public SnapshotManifest Manifest { get; private set; } = null!;

    internal static SnapshotRequest Request(string version = "20260301T060000Z", DateTimeOffset? createdAt = null) =>
        new(Year, version, createdAt ?? CreatedAt, TestReferenceData.Catalog, TestReferenceData.States);

    /// <summary>
    /// ARG: a SEX × AGE table that needs a chain of secondary suppressions, a small count by sex, formula-like notes,
    /// a treaty status and a rate. BRA: a small total whose rate must be withheld, with a note that must not be
    /// published. MEX: zeros, a rate from an estimated population, accents in a note. HTI reports nothing; CUB is not a
    /// member in 2025.
    /// </summary>
    internal static IReadOnlyList<ObservationSet> Data() =>
    [
        new StateData("ARG")
            .Count("CT_VICT_DET", "SEX=F", 3).Count("CT_VICT_DET", "SEX=M", 9).Count("CT_VICT_DET", "", 12)
            .Table("CT_VICT_CSE", "SEX", ["F", "M", "_T"], "AGE", ["Y0T11", "Y12T17", "_U", "_T"], new long[,]
            {
                { 2, 10, 0, 12 },
                { 6, 8, 0, 14 },
                { 8, 18, 0, 26 },
            })
            .Count("CT_OFF_REC", "OFFENCE=TRAFFICKING", 120, note: "=HYPERLINK(\"http://example.invalid\",\"x\")")
            .Count("CT_OFF_REC", "OFFENCE=CSEC", 45, note: "-3 cases reclassified, see report")
            .Count("CT_OFF_REC", "", 165, note: "@SUM(A1:A2), +1 late")
            .Count("CT_PERS_PROS", "SEX=F", 2).Count("CT_PERS_PROS", "SEX=M", 40).Count("CT_PERS_PROS", "", 42)
            .Count("POP_U18", "", 13_000_000).Count("POP_U18", "SEX=F", 6_400_000).Count("POP_U18", "SEX=M", 6_600_000)
            .Code("LEG_PALERMO", "RATIFIED", note: "2002")
            .ToSet(),
        new StateData("BRA")
            .Count("CT_VICT_DET", "", 3, note: "3 girls from one shelter")
            .Count("POP_U18", "", 50_000_000)
            .Code("POL_HOTLINE", "YES", note: "\tDisque 100")
            .ToSet(),
        new StateData("MEX")
            .Count("CT_VICT_DET", "", 150, note: "Niñas y niños víctimas — datos de la Fiscalía")
            .Count("CT_VICT_CSE", "SEX=F", 0).Count("CT_VICT_CSE", "SEX=M", 12).Count("CT_VICT_CSE", "", 12)
            .Count("POP_U18", "", 40_000_000, flag: "estimated")
            .ToSet(),
    ];

    public async Task InitializeAsync() =>
        Manifest = await new SnapshotCompiler().CompileAsync(Request(), Data().ToAsyncEnumerable(), Output, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}

internal static class AsyncEnumerableExtensions
{
    public static async IAsyncEnumerable<T> ToAsyncEnumerable<T>(this IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
