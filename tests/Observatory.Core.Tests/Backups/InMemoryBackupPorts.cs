using Observatory.Core.Backups;
using Observatory.Core.Ports;

namespace Observatory.Core.Tests.Backups;

/// <summary>Tables held in memory, for the backup and restore logic's unit tests.</summary>
internal sealed class InMemoryTables : ITableContents
{
    public SortedDictionary<string, SortedDictionary<(string, string), TableRow>> Tables { get; } = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public void Add(string table, TableRow row) => Table(table)[(row.PartitionKey, row.RowKey)] = row;

    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Tables.Keys.ToList());

    public async IAsyncEnumerable<TableRow> ReadAllAsync(string table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var row in Table(table).Values.ToList()) yield return row;
    }

    public Task UpsertAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows) { Add(table, row); Writes++; }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string table, IReadOnlyList<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys) Table(table).Remove(key);
        return Task.CompletedTask;
    }

    private SortedDictionary<(string, string), TableRow> Table(string name) =>
        Tables.TryGetValue(name, out var rows) ? rows : Tables[name] = new SortedDictionary<(string, string), TableRow>();
}

/// <summary>A write-once archive in memory: creating a file twice fails, as a create-only blob does.</summary>
internal sealed class InMemoryArchive : IBackupArchive
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public Task<Stream> CreateAsync(string backup, string fileName, CancellationToken cancellationToken)
    {
        var path = $"{backup}/{fileName}";
        if (Files.ContainsKey(path)) throw new IOException($"{path} exists");
        return Task.FromResult<Stream>(new Capture(bytes => Files[path] = bytes));
    }

    public Task<Stream?> OpenReadAsync(string backup, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Files.TryGetValue($"{backup}/{fileName}", out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Files.Keys.Select(k => k[..k.IndexOf('/')]).Distinct().ToList());

    public Task DeleteAsync(string backup, CancellationToken cancellationToken)
    {
        foreach (var key in Files.Keys.Where(k => k.StartsWith(backup + "/", StringComparison.Ordinal)).ToList()) Files.Remove(key);
        return Task.CompletedTask;
    }

    private sealed class Capture(Action<byte[]> done) : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing) done(ToArray());
            base.Dispose(disposing);
        }
    }
}

/// <summary>A clock the test moves.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
