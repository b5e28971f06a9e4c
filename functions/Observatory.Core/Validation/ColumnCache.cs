namespace Observatory.Core.Validation;

/// <summary>
/// Remembers how the texts of one column resolved, so each distinct text is resolved once. A column of
/// codes holds few distinct texts; the bound keeps a column of free text from growing without limit.
/// </summary>
/// <typeparam name="T">What a text resolves to.</typeparam>
internal sealed class ColumnCache<T>
{
    private const int Capacity = 4096;
    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);

    /// <summary>The remembered resolution of <paramref name="text"/>, if any.</summary>
    public bool TryGet(string text, out T value) => _entries.TryGetValue(text, out value!);

    /// <summary>Remembers the resolution of <paramref name="text"/> while there is room.</summary>
    public void Remember(string text, T value)
    {
        if (_entries.Count < Capacity) _entries[text] = value;
    }
}
