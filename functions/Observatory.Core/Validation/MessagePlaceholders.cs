namespace Observatory.Core.Validation;

/// <summary>Finds the argument indices a composite format string refers to.</summary>
internal static class MessagePlaceholders
{
    /// <summary>The distinct indices of the placeholders in <paramref name="format"/> ("{0} of {1:N0}" → 0, 1); escaped braces are skipped.</summary>
    public static IReadOnlySet<int> Indices(string format)
    {
        var indices = new SortedSet<int>();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '{') continue;
            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                i++;
                continue;
            }
            var index = 0;
            var digits = 0;
            for (var j = i + 1; j < format.Length && char.IsAsciiDigit(format[j]); j++, digits++)
                index = index * 10 + (format[j] - '0');
            if (digits > 0) indices.Add(index);
            i += digits;
        }
        return indices;
    }
}
