using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// An SMTP server in the test process (the SmtpServer package) on a free port: keeps every mail it receives, and can be
/// stopped and started again on the same port to play a mail outage.
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    private SmtpCatcher(int port) => Port = port;

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>When set, the server refuses every mail once it holds this many (554, transaction failed).</summary>
    public int? RefuseAfter { get; set; }

    /// <summary>Every mail received, in order.</summary>
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>The settings that point the pipeline's SMTP client here.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Observatory:Smtp:Host", "127.0.0.1"),
        new("Observatory:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Observatory:Smtp:Security", "None"),
        new("Observatory:Smtp:TimeoutSeconds", "5"),
        new("Observatory:Smtp:From", "observatory@example.org"),
    ];

    /// <summary>Starts a server on a free port.</summary>
    public static async Task<SmtpCatcher> StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var catcher = new SmtpCatcher(port);
        await catcher.StartAgainAsync();
        return catcher;
    }

    /// <summary>The mails received for <paramref name="address"/>.</summary>
    public List<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _server.ShutdownTask;
        if (_running is not null) await _running;
        _server = null;
    }

    /// <summary>Listens again on the same port, and returns once a connection is accepted.</summary>
    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                // Deliberate: polls the SMTP server until it accepts connections; it says no other way when it is ready.
                await Task.Delay(20);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpCatcher owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RefuseAfter is { } limit && owner.Received.Count >= limit) return Task.FromResult(SmtpResponse.TransactionFailed);
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
