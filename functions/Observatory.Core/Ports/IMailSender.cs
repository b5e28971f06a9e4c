using Observatory.Core.Languages;

namespace Observatory.Core.Ports;

/// <summary>Sends e-mail (SMTP: Azure Communication Services in Azure, maildev locally).</summary>
public interface IMailSender
{
    /// <summary>Sends one mail; throws when the mail server did not take it.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>One mail to one recipient.</summary>
/// <param name="To">The recipient's address (never logged).</param>
/// <param name="Language">The language it is written in (its Content-Language).</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="NotificationId">The notification it belongs to, sent as a header so a mail can be traced without its address.</param>
public sealed record OutgoingMail(string To, Language Language, string Subject, string Text, string NotificationId);
