using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>
/// GET /api/admin/notifications/poison (staff): the notifications that could not be sent after the queue's retries
/// (the poison queue "notifications-poison", at most 32, oldest first). Messages hold ids, never addresses.
/// </summary>
public sealed class ListPoisonedNotifications
{
    private readonly INotificationQueue _queue;

    /// <summary>Creates the function.</summary>
    public ListPoisonedNotifications(INotificationQueue queue)
    {
        _queue = queue;
    }

    /// <summary>Lists the poisoned notifications.</summary>
    [RequireStaff("Only the observatory's staff can see notifications.")]
    [Function(nameof(ListPoisonedNotifications))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/notifications/poison")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var poisoned = await _queue.PeekPoisonedAsync(32, cancellationToken);
        return ApiResults.Json(new
        {
            count = poisoned.Count,
            notifications = poisoned.Select(p => new
            {
                messageId = p.MessageId,
                insertedOn = p.InsertedOn,
                id = p.Notification?.Id,
                kind = p.Notification?.Kind.ToString().ToLowerInvariant(),
                submissionId = p.Notification?.SubmissionId,
                status = p.Notification?.Status,
                country = p.Notification?.Country,
                year = p.Notification?.Year,
                daysLeft = p.Notification?.DaysLeft,
                day = p.Notification?.Day,
                text = p.Notification is null ? p.Text : null,
            }),
        });
    }
}
