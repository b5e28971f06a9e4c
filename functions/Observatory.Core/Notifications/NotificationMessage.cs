using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Core.Notifications;

/// <summary>What a notification announces.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    /// <summary>A submission's verdict (accepted, rejected, failed), to the state's contacts.</summary>
    Verdict,
    /// <summary>A reminder before the reporting deadline, to the contacts of a state that has not reported.</summary>
    Reminder,
    /// <summary>The daily summary of failed submissions and late states, to staff.</summary>
    Summary,
}

/// <summary>
/// A message on the notifications queue. It carries ids and numbers only, never an address: the recipients are looked
/// up when the mail is sent, so a contact removed meanwhile receives nothing and the queue holds no personal data.
/// </summary>
/// <param name="Id">Names the notification for good: the sent markers are keyed by it, so a retry never mails twice.</param>
/// <param name="Kind">What it announces.</param>
/// <param name="SubmissionId">The submission of a verdict.</param>
/// <param name="Status">The verdict announced (accepted, rejected, failed); a submission found in another status is not announced.</param>
/// <param name="Country">The state of a reminder.</param>
/// <param name="Year">The reporting year of a reminder.</param>
/// <param name="DaysLeft">Days before the deadline, of a reminder.</param>
/// <param name="Day">The day a summary covers (UTC): the failures of that day, the late states as of the day after.</param>
public sealed record NotificationMessage(
    string Id,
    NotificationKind Kind,
    string? SubmissionId = null,
    string? Status = null,
    string? Country = null,
    int? Year = null,
    int? DaysLeft = null,
    DateOnly? Day = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The verdict of a submission that reached <paramref name="status"/>.</summary>
    public static NotificationMessage Verdict(string submissionId, string status) =>
        new($"verdict~{submissionId}~{status}", NotificationKind.Verdict, SubmissionId: submissionId, Status: status);

    /// <summary>The reminder of a state, <paramref name="daysLeft"/> days before the deadline of <paramref name="year"/>.</summary>
    public static NotificationMessage Reminder(string country, int year, int daysLeft) =>
        new($"reminder~{year}~{daysLeft}~{country}", NotificationKind.Reminder, Country: country, Year: year, DaysLeft: daysLeft);

    /// <summary>The staff summary of <paramref name="day"/> (sent the day after).</summary>
    public static NotificationMessage Summary(DateOnly day) =>
        new($"summary~{day:yyyy-MM-dd}", NotificationKind.Summary, Day: day);

    /// <summary>The message as JSON.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a message.</summary>
    /// <exception cref="FormatException">It is not a notification message.</exception>
    public static NotificationMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<NotificationMessage>(text, Json);
            if (message is null || string.IsNullOrWhiteSpace(message.Id)) throw new FormatException("The notification message has no id.");
            return message;
        }
        catch (JsonException ex)
        {
            throw new FormatException("The notification message is not valid JSON.", ex);
        }
    }
}
