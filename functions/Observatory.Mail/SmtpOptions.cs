namespace Observatory.Mail;

/// <summary>
/// The SMTP server the notifications are sent through (section "Observatory:Smtp", e.g. <c>Observatory__Smtp__Host</c>):
/// Azure Communication Services' SMTP endpoint in Azure (smtp.azurecomm.net, 587, STARTTLS, an Entra application's
/// credentials from Key Vault), maildev on a free port locally (./run.sh sets it).
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Observatory:Smtp";

    /// <summary>The server's host name; while empty every send fails, so the message ends in the poison queue for staff to see.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The port (default 587).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is secured: Auto (default: TLS on 465, STARTTLS when offered), StartTls (required; what Azure
    /// uses), SslOnConnect, or None (a local mail catcher only).
    /// </summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The user name; no authentication while empty. In Azure: the Communication Service's SMTP user name.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The password (in Azure the Entra application's client secret, a Key Vault reference). Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The sender's address (in Azure the verified domain's DoNotReply address).</summary>
    public string From { get; set; } = "observatory@localhost.localdomain";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Observatory";

    /// <summary>How long a connection or a command may take, in seconds (default 30).</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
