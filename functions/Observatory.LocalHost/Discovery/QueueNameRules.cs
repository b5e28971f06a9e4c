using System.Text.RegularExpressions;

namespace Observatory.LocalHost.Discovery;

/// <summary>The naming rules of Azure Storage queues, checked at start-up rather than at the first poll.</summary>
internal static partial class QueueNameRules
{
    /// <summary>Why <paramref name="name"/> is not a valid queue name, or null when it is.</summary>
    public static string? Problem(string name) =>
        name.Length is < 3 or > 63 ? $"the queue name '{name}' must be 3 to 63 characters long."
        : !ValidName().IsMatch(name) ? $"the queue name '{name}' may hold only lower-case letters, digits and single hyphens, and must start and end with a letter or digit."
        : null;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ValidName();
}
