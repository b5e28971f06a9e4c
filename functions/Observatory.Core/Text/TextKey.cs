using System.Globalization;
using System.Text;

namespace Observatory.Core.Text;

/// <summary>
/// Folds text the way people's spelling varies, so that a label can be matched whatever its case,
/// accents, punctuation or spacing: "12 à 17 ans", "12-17 Años" and "12 a 17 anos" become comparable keys.
/// </summary>
public static class TextKey
{
    /// <summary>
    /// Lower-cases, strips diacritics, turns every run of characters that are neither letters nor digits
    /// into one space, and trims. "Forma de Explotación:" becomes "forma de explotacion".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
