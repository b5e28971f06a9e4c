using System.Globalization;

namespace Observatory.Core.Snapshots.Metadata;

/// <summary>
/// The disclosure rules as the published README and datapackage.json state them: the rule and the requirement as
/// they are (domain.md, "Disclosure control"), without claiming more.
/// </summary>
internal static class DisclosureRules
{
    /// <summary>The primary rule.</summary>
    public static string Primary(int threshold) =>
        $"A protected count with 1 ≤ value < {Text(threshold)} is published without its value, flagged suppressed. Zero is published.";

    /// <summary>The protection requirement every withheld small count meets.</summary>
    public static string Requirement(int threshold) =>
        "Take someone who knows every cell published in every version of this reporting year, knows that every total equals the sum of its parts " +
        "along every dimension (_U is a part) wherever it does in the stored data, and knows that every withheld cell is a whole number of at least 1. " +
        $"For every withheld small count, the whole values consistent with all of that number at least {Text(threshold - 1)}: " +
        $"no more is learnt than that the count is below {Text(threshold)}. A count without an upper bound meets this.";

    /// <summary>How further cells are chosen.</summary>
    public const string Secondary =
        "Further cells are withheld until every small count meets the requirement, checked by solving for its feasible whole values " +
        "(integer programming with CP-SAT, after a quicker search for a balanced direction of change that proves a range of values). " +
        "Few and small cells are preferred, zeros are never withheld, and the choice is deterministic: the same data gives the same cells withheld.";

    /// <summary>How versions of a year are protected together.</summary>
    public const string Revisions =
        "A cell withheld in any published version of the year stays withheld in every later version of that year while it is not zero, " +
        "and the requirement is checked over all published versions of the year together, cells whose value did not change counting as the same unknown.";

    /// <summary>Derived rates.</summary>
    public const string Derived = "A derived rate is published without its value, flagged suppressed, whenever its numerator is withheld.";

    /// <summary>What the rule does not claim.</summary>
    public const string Limits =
        "The requirement covers the relations stated: additivity within one indicator of one state and year. It does not cover what someone may know " +
        "from outside these files, relations between different indicators, or other publications. A suppressed cell is published without its note.";

    /// <summary>The rules as lines of Markdown, for the README.</summary>
    public static IEnumerable<string> Describe(int threshold) =>
    [
        "Children who are victims must not be identifiable from these files. Indicators marked `protected` in indicators.csv count child victims; their published values follow these rules. The stored data keeps the true values.",
        "",
        $"- **Small counts.** {Primary(threshold)}",
        $"- **The requirement.** {Requirement(threshold)}",
        $"- **Further cells.** {Secondary}",
        $"- **Versions.** {Revisions}",
        $"- **Derived rates.** {Derived}",
        $"- **Limits.** {Limits}",
    ];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
