using Observatory.Core.ReferenceData;
using Observatory.Core.Text;

namespace Observatory.Core.Validation;

/// <summary>
/// What focal points write in the flag column, in the four languages, folded to the two flags a return
/// may carry: <see cref="FlagCodes.Estimated"/> and <see cref="FlagCodes.Provisional"/>.
/// </summary>
internal static class FlagLabels
{
    private static readonly Dictionary<string, string> ByFoldedLabel = Build();

    /// <summary>Resolves a flag written as a code, a word in any of the four languages or the SDMX letter (E, P).</summary>
    public static bool TryResolve(string? text, out string flag) =>
        ByFoldedLabel.TryGetValue(TextKey.Fold(text), out flag!);

    private static Dictionary<string, string> Build()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string flag, params string[] words)
        {
            foreach (var word in words) labels[TextKey.Fold(word)] = flag;
        }
        Add(FlagCodes.Estimated,
            FlagCodes.Estimated, "e", "estimate", "est",
            "estimado", "estimada", "estimación", "estimativa", "estimé", "estimée", "estimation");
        Add(FlagCodes.Provisional,
            FlagCodes.Provisional, "p", "preliminary",
            "provisório", "provisória", "preliminar", "provisoire", "préliminaire");
        return labels;
    }
}
