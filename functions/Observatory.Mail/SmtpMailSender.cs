using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Observatory.Core.Languages;
using Observatory.Core.Ports;

namespace Observatory.Mail;

/// <summary>Sends each mail over SMTP with MailKit, one connection per mail (notifications are few; nothing to pool).</summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly SmtpOptions _options;

    /// <summary>Creates the sender.</summary>
    public SmtpMailSender(SmtpOptions options) => _options = options;

    /// <inheritdoc />
    /// <exception cref="MailDeliveryException">The server is not configured, unreachable, or refused the mail.</exception>
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Host))
            throw new MailDeliveryException($"Notification {mail.NotificationId}: no SMTP server is configured (Observatory:Smtp:Host).");
        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        try
        {
            var message = Build(mail);
            await client.ConnectAsync(_options.Host, _options.Port, SecurityOf(_options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
                await client.AuthenticateAsync(_options.UserName, _options.Password, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException
            or AuthenticationException or ServiceNotConnectedException or TimeoutException or SslHandshakeException or ParseException)
        {
            // The server's reply text is left out on purpose: a refusal such as "550 <name@example.org>: no such user"
            // repeats the address.
            var detail = ex is SmtpCommandException command ? $"{command.ErrorCode}, status {(int)command.StatusCode}" : ex.GetType().Name;
            throw new MailDeliveryException($"Notification {mail.NotificationId}: the SMTP server {_options.Host}:{_options.Port} did not take the mail ({detail}).");
        }
    }

    private MimeMessage Build(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // The same Message-Id for the same notification and recipient: a mail sent again after an unconfirmed send can be
        // recognised as the same mail by the receiving side.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mail.NotificationId + "\n" + mail.To.ToLowerInvariant())))[..32];
        message.MessageId = $"{hash}@observatory.notifications";
        message.Headers.Add("X-Observatory-Notification", mail.NotificationId);
        var body = new TextPart("plain") { Text = mail.Text };
        // A Content-* header belongs to the MIME entity: set on the part, it is written among the message's headers.
        body.Headers.Add(HeaderId.ContentLanguage, mail.Language.ToCode());
        message.Body = body;
        return message;
    }

    private static SecureSocketOptions SecurityOf(string setting) => setting.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
