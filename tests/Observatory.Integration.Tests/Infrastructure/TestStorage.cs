using System.Net.Sockets;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// The Azurite the tests run against: the connection string in OBSERVATORY_TEST_STORAGE (./test.sh sets it),
/// else Azurite's standard ports. Fails fast with a clear message when nothing listens, instead of letting every
/// storage call hang in the SDK's retries.
/// </summary>
public static class TestStorage
{
    /// <summary>The connection string.</summary>
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("OBSERVATORY_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    private static readonly Lazy<string?> Unreachable = new(FindUnreachableEndpoint);

    /// <summary>Throws when Azurite does not answer on every endpoint.</summary>
    public static void EnsureReachable()
    {
        if (Unreachable.Value is { } endpoint)
            throw new InvalidOperationException($"Azurite does not answer at {endpoint}. Run the tests with ./test.sh, or start it with scripts/azurite.sh start.");
    }

    private static string? FindUnreachableEndpoint()
    {
        foreach (var endpoint in Endpoints())
        {
            using var client = new TcpClient();
            try
            {
                if (!client.ConnectAsync(endpoint.Host, endpoint.Port).Wait(TimeSpan.FromSeconds(2))) return endpoint.ToString();
            }
            catch (AggregateException)
            {
                return endpoint.ToString();
            }
        }
        return null;
    }

    private static IEnumerable<Uri> Endpoints()
    {
        if (ConnectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
            return [new Uri("http://127.0.0.1:10000"), new Uri("http://127.0.0.1:10001"), new Uri("http://127.0.0.1:10002")];
        return ConnectionString.Split(';')
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase))
            .Select(kv => new Uri(kv[1]));
    }
}
