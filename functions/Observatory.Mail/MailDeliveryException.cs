namespace Observatory.Mail;

/// <summary>
/// A mail the SMTP server did not take. Its message names the notification and what failed, never the recipient: the
/// server's own reply often repeats the address, so it is not kept, and this is what the host logs.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MailDeliveryException(string message) : base(message) { }

    /// <summary>Creates the exception (for serializers and analyzers; prefer the message).</summary>
    public MailDeliveryException() { }

    /// <summary>Creates the exception; <paramref name="innerException"/> must not carry an address.</summary>
    public MailDeliveryException(string message, Exception innerException) : base(message, innerException) { }
}
