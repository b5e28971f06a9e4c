using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Notifications;
using Observatory.Storage;

namespace Observatory.Functions.Notifications;

/// <summary>
/// Queue trigger: writes and sends the mails of a notification. A mail server that does not take a mail throws, so the
/// queue retries (host.json's maxDequeueCount); after the last retry the message waits in "notifications-poison" for staff.
/// </summary>
public sealed class SendNotification
{
    private readonly NotificationSender _sender;

    /// <summary>Creates the function.</summary>
    public SendNotification(NotificationSender sender) => _sender = sender;

    /// <summary>Sends the notification in the message.</summary>
    [Function(nameof(SendNotification))]
    public Task Run(
        [QueueTrigger(StorageNames.NotificationsQueue, Connection = StorageConnection.DefaultName)] string message,
        CancellationToken cancellationToken) =>
        _sender.SendAsync(NotificationMessage.Parse(message), cancellationToken);
}
