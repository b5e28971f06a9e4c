using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// Resolves the %setting% expressions of trigger attributes (queue names, schedules) from configuration, as the
/// Functions host's name resolver does: each %name% is replaced by the setting's value.
/// </summary>
internal static partial class SettingExpression
{
    /// <summary>Replaces every %name% in <paramref name="text"/> with the value of setting <c>name</c>.</summary>
    /// <exception cref="InvalidOperationException">A named setting is missing or empty.</exception>
    public static string Resolve(string text, IConfiguration configuration) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            // Settings written as environment variables use "__" between sections, configuration uses ':'.
            var key = name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
                throw new InvalidOperationException($"the setting '{name}' used in '{text}' is not configured.");
            return value;
        });

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Placeholder();
}
