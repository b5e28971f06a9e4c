using System.Globalization;
using System.Text;

namespace Observatory.Core.Text;

/// <summary>
/// <see cref="TextKey.Fold"/> into a caller's buffer, so that resolving the cells of a large file does not
/// allocate a string per cell. Produces exactly the characters <see cref="TextKey.Fold"/> returns.
/// </summary>
/// <remarks>
/// Latin letters, which is what the four languages write, are decomposed through a table built once from
/// <see cref="string.Normalize(NormalizationForm)"/>; any other letter or mark sends the whole text through
/// Unicode normalization, as <see cref="TextKey.Fold"/> does. Dropping the marks afterwards makes decomposing
/// letter by letter equivalent to decomposing the whole text.
/// </remarks>
internal static class TextKeyFolding
{
    private const char TableStart = '\u0080';
    private const char TableEnd = '\u024F';           // end of Latin Extended-B
    private const char ExtendedStart = '\u1E00';      // Latin Extended Additional (Vietnamese and others)
    private const char ExtendedEnd = '\u1EFF';

    private static readonly string[] Latin = BuildTable(TableStart, TableEnd);
    private static readonly string[] LatinExtended = BuildTable(ExtendedStart, ExtendedEnd);

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="destination"/>. False when the destination is too
    /// small (twice the input always suffices for Latin text, three times for other scripts) or the text is
    /// not valid UTF-16.
    /// </summary>
    public static bool TryFold(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        var folder = new Folder(destination);
        foreach (var c in text)
        {
            if (c < TableStart)
            {
                if (!folder.Take(c)) return Done(false, folder, out written);
            }
            else if (Decomposition(c) is { } parts)
            {
                foreach (var part in parts)
                    if (!folder.Take(part)) return Done(false, folder, out written);
            }
            else if (NeedsNormalization(c))
            {
                return TryFoldNormalized(text, destination, out written);
            }
            else if (!folder.Take(c))
            {
                return Done(false, folder, out written);
            }
        }
        return Done(true, folder, out written);
    }

    private static bool Done(bool result, Folder folder, out int written)
    {
        written = result ? folder.Written : 0;
        return result;
    }

    private static string? Decomposition(char c) => c switch
    {
        <= TableEnd => Latin[c - TableStart],
        >= ExtendedStart and <= ExtendedEnd => LatinExtended[c - ExtendedStart],
        _ => null,
    };

    // Punctuation, spaces and symbols outside the table fold to a separator whatever their decomposition;
    // letters, digits and marks of other scripts may decompose into something else, so they are normalized.
    private static bool NeedsNormalization(char c) =>
        char.IsLetterOrDigit(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool TryFoldNormalized(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        written = 0;
        int length;
        try
        {
            if (!text.TryNormalize(destination, out length, NormalizationForm.FormD)) return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        // Folding never writes ahead of what it has read (a separator is written only after a run of
        // skipped characters), so it can work in place.
        var folder = new Folder(destination);
        for (var read = 0; read < length; read++)
        {
            if (!folder.Take(destination[read])) return false;
        }
        written = folder.Written;
        return true;
    }

    private static string[] BuildTable(char first, char last)
    {
        var table = new string[last - first + 1];
        for (var c = first; c <= last; c++)
            table[c - first] = c.ToString().Normalize(NormalizationForm.FormD);
        return table;
    }

    /// <summary>The folding rule of <see cref="TextKey.Fold"/>, one decomposed character at a time.</summary>
    private ref struct Folder(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;
        private bool _pendingSpace;

        public int Written { get; private set; }

        public bool Take(char c)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) return true;
            if (!char.IsLetterOrDigit(c))
            {
                _pendingSpace = true;
                return true;
            }
            var needed = _pendingSpace && Written > 0 ? 2 : 1;
            if (Written + needed > _destination.Length) return false;
            if (needed == 2) _destination[Written++] = ' ';
            _pendingSpace = false;
            _destination[Written++] = char.ToLowerInvariant(c);
            return true;
        }
    }
}
