using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Observatory.Core.Backups;
using Observatory.Storage;
using Observatory.TableRestore;

// Restores the data account's tables from a backup written by the nightly BackupTables function.
var arguments = RestoreArguments.Parse(args, Console.Error);
if (arguments is null) return 2;

var settings = new ConfigurationBuilder().AddEnvironmentVariables();
if (arguments.Account is { } account)
    settings.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage"] = null, ["Storage:accountName"] = account });
StorageConnection connection;
try
{
    connection = StorageConnection.FromConfiguration(settings.Build());
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message + " Or pass --account <data storage account name>.");
    return 2;
}

var tables = new TableContents(connection.CreateTableServiceClient(StorageClientOptions.Tables()));
var archive = new BlobBackupArchive(connection.CreateBlobServiceClient(StorageClientOptions.Blobs()));
var restore = new TableRestore(tables, archive, NullLogger<TableRestore>.Instance);
try
{
    if (arguments.List)
    {
        foreach (var manifest in await restore.ListAsync(CancellationToken.None))
            Console.WriteLine($"{manifest.Name}  {manifest.CreatedAt:u}  {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows)} rows");
        return 0;
    }

    var restored = await restore.RestoreAsync(arguments.Backup, arguments.Tables, arguments.Exact, CancellationToken.None);
    foreach (var table in restored)
        Console.WriteLine($"restored {table.Table}: {table.Rows} rows" + (arguments.Exact ? $", {table.Deleted} deleted" : ""));
    return 0;
}
catch (BackupRestoreException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (Azure.RequestFailedException ex)
{
    Console.Error.WriteLine($"Storage refused a request ({ex.Status} {ex.ErrorCode}): {ex.Message.Split('\n')[0]}");
    return 1;
}
