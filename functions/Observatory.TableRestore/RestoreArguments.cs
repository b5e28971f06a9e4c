namespace Observatory.TableRestore;

/// <summary>What the command line asks for.</summary>
internal sealed record RestoreArguments(string Backup, IReadOnlyList<string> Tables, bool Exact, bool List, string? Account)
{
    public const string Usage = """
        Usage: restore-tables.sh [--list] [--backup NAME|latest] [--tables a,b] [--exact] [--account NAME]
          --list            list the complete backups, newest first, and restore nothing
          --backup NAME     the backup to restore from (its folder in "backups", e.g. 20261202T023000Z); default latest
          --tables a,b      only these tables (default: every table in the backup)
          --exact           also delete entities the backup does not have, so each table is exactly as backed up
          --account NAME    the data storage account, reached with your Azure sign-in (az login); without it the
                            connection "Storage" from the environment is used (a connection string, e.g. Azurite's)
        """;

    /// <summary>Parses the arguments; null (with the reason written to <paramref name="error"/>) when they are wrong.</summary>
    public static RestoreArguments? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        string backup = "latest";
        var tables = new List<string>();
        bool exact = false, list = false;
        string? account = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--backup": backup = Value() ?? ""; break;
                case "--tables": tables.AddRange((Value() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--exact": exact = true; break;
                case "--list": list = true; break;
                case "--account": account = Value(); break;
                default:
                    error.WriteLine($"Unknown argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return null;
            }
        }
        if (backup.Length == 0 || account is { Length: 0 })
        {
            error.WriteLine("--backup and --account need a value.");
            error.WriteLine(Usage);
            return null;
        }
        return new RestoreArguments(backup, tables, exact, list, account);
    }
}
