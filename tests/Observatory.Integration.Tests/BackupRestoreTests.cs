using Azure;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Backups;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots;
using Observatory.Functions.Backups;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// The backup's round trip on an Azurite of its own (it wipes every table): real submissions, keys and a snapshot,
/// plus a table holding every property type; the nightly function exports them, every table is wiped, and
/// scripts/restore-tables.sh puts them back exactly.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private const int Year = 2025;
    private const string TypedTable = "typedvalues";
    private readonly OwnAzurite _azurite = new();
    private PipelineHarness _pipeline = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pipeline = PipelineHarness.Over(_azurite.ConnectionString);
        await _pipeline.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task The_nightly_backup_wiped_tables_and_the_restore_script_give_back_every_entity_as_it_was()
    {
        await FillAsync();
        var before = await ReadEveryTableAsync();
        Assert.Contains(before.Keys, key => key.StartsWith("observations|", StringComparison.Ordinal));
        Assert.Contains(before.Keys, key => key.StartsWith("snapshots|", StringComparison.Ordinal));

        await _pipeline.Function<BackupTables>().Run(new TimerInfo(), CancellationToken.None);
        var archive = _pipeline.Services.GetRequiredService<IBackupArchive>();
        var backup = Assert.Single(await archive.ListAsync(CancellationToken.None));
        Assert.True(BackupName.TryParse(backup, out _));
        // Write-once: a file of a backup cannot be written again.
        await Assert.ThrowsAnyAsync<RequestFailedException>(async () =>
        {
            await using var again = await archive.CreateAsync(backup, BackupManifest.FileName, CancellationToken.None);
            await again.WriteAsync("{}"u8.ToArray());
        });

        await WipeAsync();
        Assert.Empty(await ReadEveryTableAsync());

        var listed = await RestoreScriptAsync("--list");
        Assert.Equal(0, listed.ExitCode);
        Assert.StartsWith(backup, listed.Output);

        var restored = await RestoreScriptAsync("--backup", backup, "--exact");
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("restored observations:", restored.Output);

        var after = await ReadEveryTableAsync();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, properties) in before)
            Assert.Equal(properties, after[key]);
    }

    [Fact]
    public async Task The_restore_script_refuses_a_backup_that_does_not_exist_and_writes_nothing()
    {
        var refused = await RestoreScriptAsync("--backup", "19990101T000000Z");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no complete backup named '19990101T000000Z'", refused.Error);
        Assert.Equal(2, (await RestoreScriptAsync("--unknown")).ExitCode);
    }

    private async Task FillAsync()
    {
        foreach (var (country, file, type) in new[] { ("MEX", "mexico-2025-es.xlsx", ReturnFiles.XlsxType), ("BRA", "brasil-2025-pt.csv", "text/csv") })
        {
            var (_, key) = await _pipeline.IssueKeyAsync(country);
            Assert.Equal(202, (await _pipeline.UploadAsync(key, $"year={Year}", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("samples/" + file)), type)).Status);
        }
        await _pipeline.ProcessAllAsync();
        Assert.NotNull(await _pipeline.Services.GetRequiredService<SnapshotPublisher>().PublishAsync(Year, CancellationToken.None));

        var typed = _pipeline.Tables.GetTableClient(TypedTable);
        await typed.CreateIfNotExistsAsync();
        await typed.AddEntityAsync(new TableEntity("every-type", "1")
        {
            ["Text"] = "niñas, niños\nà la ligne",
            ["Flag"] = true,
            ["Small"] = -7,
            ["Large"] = 9_007_199_254_740_993L,
            ["Whole"] = 5.0,
            ["At"] = new DateTimeOffset(2025, 3, 1, 6, 0, 0, 123, TimeSpan.Zero),
            ["Id"] = Guid.Parse("6f1c2b4e-8a1d-4c7e-9b3f-2a5d6e7f8091"),
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
        });
    }

    private async Task WipeAsync()
    {
        foreach (var table in await new TableContents(_pipeline.Tables).ListTablesAsync(CancellationToken.None))
        {
            var client = _pipeline.Tables.GetTableClient(table);
            if (table == TypedTable) { await client.DeleteAsync(); continue; }   // the restore must create it again
            await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        }
    }

    /// <summary>Every entity of every table, by "table|partition|row", as "name=value:type" per property.</summary>
    private async Task<Dictionary<string, string>> ReadEveryTableAsync()
    {
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in _pipeline.Tables.QueryAsync())
            await foreach (var entity in _pipeline.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                entities[$"{table.Name}|{entity.PartitionKey}|{entity.RowKey}"] = string.Join(";", entity
                    .Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Describe(p.Value)}:{p.Value?.GetType().Name}"));
        return entities;
    }

    private static string Describe(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        BinaryData binary => Convert.ToBase64String(binary.ToArray()),
        DateTimeOffset time => time.ToString("O"),
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private Task<Scripts.Result> RestoreScriptAsync(params string[] arguments)
    {
        // ./test.sh builds the solution in Release first; a Debug test run lets the script build the tool itself.
#if DEBUG
        string[] build = [];
#else
        string[] build = ["--no-build"];
#endif
        return Scripts.RunAsync("scripts/restore-tables.sh", new Dictionary<string, string> { ["Storage"] = _azurite.ConnectionString }, [.. build, .. arguments]);
    }
}
