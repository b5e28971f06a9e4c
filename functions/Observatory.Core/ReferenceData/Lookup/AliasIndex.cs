using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Observatory.Core.Text;

namespace Observatory.Core.ReferenceData.Lookup;

/// <summary>
/// Resolves what people write to one target, whatever the case, accents, punctuation or spacing.
/// Two tables, built once: the names as written (case-insensitive), which answers the common case
/// without folding, and their <see cref="TextKey.Fold"/> keys. Lookups allocate nothing.
/// </summary>
internal sealed class AliasIndex
{
    // Texts up to this length are folded on the stack; longer ones (rare in a cell) borrow a pooled buffer.
    private const int StackTextLength = 96;

    // Folded Latin text is at most twice its length (a separator before each letter); other scripts are
    // decomposed into the buffer first, and three times leaves room for that.
    private const int DecompositionFactor = 3;

    private readonly FrozenDictionary<string, AliasMatch>.AlternateLookup<ReadOnlySpan<char>> _asWritten;
    private readonly FrozenDictionary<string, AliasMatch>.AlternateLookup<ReadOnlySpan<char>> _folded;

    internal AliasIndex(IDictionary<string, AliasMatch> asWritten, IDictionary<string, AliasMatch> folded)
    {
        _asWritten = asWritten.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _folded = folded.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Finds what <paramref name="text"/> names; false for blank text or text that names nothing.</summary>
    public bool TryFind(ReadOnlySpan<char> text, [NotNullWhen(true)] out AliasMatch? match)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            match = null;
            return false;
        }
        return _asWritten.TryGetValue(text, out match) || TryFindFolded(text, out match);
    }

    private bool TryFindFolded(ReadOnlySpan<char> text, [NotNullWhen(true)] out AliasMatch? match)
    {
        match = null;
        var size = text.Length * DecompositionFactor;
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackTextLength
            ? stackalloc char[StackTextLength * DecompositionFactor]
            : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            return TextKeyFolding.TryFold(text, buffer, out var written)
                && written > 0
                && _folded.TryGetValue(buffer[..written], out match);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }
}
