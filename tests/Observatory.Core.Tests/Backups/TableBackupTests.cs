using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Observatory.Core.Backups;

namespace Observatory.Core.Tests.Backups;

public sealed class TableBackupTests
{
    private static readonly DateTimeOffset Night = new(2026, 12, 2, 2, 30, 0, TimeSpan.Zero);
    private readonly InMemoryTables _tables = new();
    private readonly InMemoryArchive _archive = new();
    private readonly SettableClock _clock = new(Night);
    private readonly ObservatoryOptions _options = new() { BackupRetentionDays = 7 };

    public TableBackupTests()
    {
        for (var i = 0; i < 250; i++)
            _tables.Add("observations", Row($"MEX-{2020 + i % 5}", $"r{i:D4}", i));
        _tables.Add("apikeys", Row("keys", "k1", 1));
        _tables.Add("empty", Row("x", "y", 0));
        _tables.Tables["empty"].Clear();
    }

    [Fact]
    public async Task A_backup_writes_every_table_then_a_manifest_that_counts_and_hashes_each_file()
    {
        var manifest = await Backup().RunAsync(CancellationToken.None);

        Assert.Equal("20261202T023000Z", manifest.Name);
        Assert.Equal(["apikeys", "empty", "observations"], manifest.Tables.Select(t => t.Table));
        Assert.Equal([1L, 0L, 250L], manifest.Tables.Select(t => t.Rows));
        var observations = _archive.Files["20261202T023000Z/observations.jsonl"];
        Assert.Equal(250, Encoding.UTF8.GetString(observations).Count(c => c == '\n'));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(observations)), manifest.Tables[2].Sha256);
        Assert.True(_archive.Files.ContainsKey("20261202T023000Z/manifest.json"));
    }

    [Fact]
    public async Task Backups_past_the_retention_are_deleted_but_the_newest_complete_one_is_always_kept()
    {
        var backup = Backup();
        await backup.RunAsync(CancellationToken.None);                     // day 0
        _clock.Now = Night.AddDays(3);
        await backup.RunAsync(CancellationToken.None);                     // day 3
        // An unfinished backup (no manifest) on day 4, newer than both.
        await using (var unfinished = await _archive.CreateAsync(BackupName.Of(Night.AddDays(4)), "apikeys.jsonl", CancellationToken.None)) { }

        _clock.Now = Night.AddDays(9);                                     // day 0 is past 7 days, day 3 is not
        Assert.Equal(["20261202T023000Z"], await backup.PruneAsync(CancellationToken.None));

        _clock.Now = Night.AddDays(30);                                    // everything is old now
        var deleted = await backup.PruneAsync(CancellationToken.None);
        Assert.Equal(["20261206T023000Z"], deleted);                       // the unfinished one goes
        Assert.Equal(["20261205T023000Z"], await _archive.ListAsync(CancellationToken.None)); // the newest complete stays
    }

    [Fact]
    public async Task A_restore_puts_back_every_row_and_with_exact_removes_rows_added_since()
    {
        var manifest = await Backup().RunAsync(CancellationToken.None);
        var before = Snapshot();
        _tables.Tables["observations"].Clear();
        _tables.Add("apikeys", Row("keys", "k2", 2));                       // added after the backup
        _tables.Add("apikeys", Row("keys", "k1", 99));                      // changed after the backup

        var restored = await Restore().RestoreAsync(TableRestore.Latest, null, exact: true, CancellationToken.None);

        Assert.Equal(manifest.Tables.Select(t => (t.Table, t.Rows)), restored.Select(t => (t.Table, t.Rows)));
        Assert.Equal(1, restored.Single(t => t.Table == "apikeys").Deleted);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_restore_of_some_tables_leaves_the_others_alone()
    {
        var manifest = await Backup().RunAsync(CancellationToken.None);
        _tables.Tables["observations"].Clear();
        _tables.Tables["apikeys"].Clear();

        await Restore().RestoreAsync(manifest.Name, ["observations"], exact: false, CancellationToken.None);

        Assert.Equal(250, _tables.Tables["observations"].Count);
        Assert.Empty(_tables.Tables["apikeys"]);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_written()
    {
        var manifest = await Backup().RunAsync(CancellationToken.None);
        var path = $"{manifest.Name}/observations.jsonl";
        var bytes = _archive.Files[path];
        bytes[20] ^= 0x01;                                                  // one bit flipped in the last file restored
        _tables.Tables["apikeys"].Clear();

        var error = await Assert.ThrowsAsync<BackupRestoreException>(() => Restore().RestoreAsync(manifest.Name, null, exact: true, CancellationToken.None));

        Assert.Contains("observations.jsonl does not match its manifest", error.Message);
        Assert.Equal(0, _tables.Writes);
        Assert.Empty(_tables.Tables["apikeys"]);
    }

    [Theory]
    [InlineData("20261201T000000Z", "no complete backup named")]
    [InlineData("latest", "no complete backup")]
    public async Task A_backup_that_is_missing_or_unfinished_is_refused(string name, string message)
    {
        // Only an unfinished backup exists: its table file, no manifest.
        await using (var unfinished = await _archive.CreateAsync("20261201T000000Z", "apikeys.jsonl", CancellationToken.None)) { }

        var error = await Assert.ThrowsAsync<BackupRestoreException>(() => Restore().RestoreAsync(name, null, exact: false, CancellationToken.None));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_table_the_backup_does_not_hold_is_named_in_the_refusal()
    {
        var manifest = await Backup().RunAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<BackupRestoreException>(() => Restore().RestoreAsync(manifest.Name, ["observatons"], exact: false, CancellationToken.None));
        Assert.Contains("has no table observatons", error.Message);
        Assert.Equal(0, _tables.Writes);
    }

    private TableBackup Backup() => new(_tables, _archive, _options, _clock, NullLogger<TableBackup>.Instance);

    private TableRestore Restore() => new(_tables, _archive, NullLogger<TableRestore>.Instance);

    private static TableRow Row(string partition, string row, int value) => new(partition, row, new Dictionary<string, object?>
    {
        ["Value"] = value,
        ["Total"] = (long)value * 1_000_000_000L,
        ["Rate"] = value / 3.0,
        ["At"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(value),
        ["Label"] = $"label {value}",
    });

    private string Snapshot() => string.Join("\n", _tables.Tables.SelectMany(t => t.Value.Values.Select(r =>
        $"{t.Key}|{r.PartitionKey}|{r.RowKey}|" + string.Join(",", r.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}:{p.Value?.GetType().Name}")))));
}
