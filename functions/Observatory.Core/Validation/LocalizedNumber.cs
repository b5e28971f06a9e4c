using Observatory.Core.Languages;

namespace Observatory.Core.Validation;

/// <summary>
/// Reads a number written as people write it in one of the four languages. In English "," groups
/// thousands and "." marks decimals ("1,234.5"); in Spanish, Portuguese and French "." groups thousands
/// and "," marks decimals ("52.345.678", "1.234,5"). A space (also a no-break or narrow no-break space)
/// groups thousands in every language, since no language reads it as a decimal mark. Groups must be well
/// formed: one to three digits first, then exactly three ("1,234,567" yes, "1,23,4" no), all with the same
/// separator.
/// </summary>
internal static class LocalizedNumber
{
    // decimal holds 28 significant digits; a count with more is not a count.
    private const int MaxDigits = 28;

    /// <summary>Parses <paramref name="text"/> as <paramref name="language"/> writes numbers; false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Language language, out decimal value)
    {
        value = 0;
        text = text.Trim();
        var negative = false;
        if (!text.IsEmpty && text[0] is '-' or '\u2212')
        {
            negative = true;
            text = text[1..];
        }

        var decimalMark = language == Language.En ? '.' : ',';
        var decimalAt = text.IndexOf(decimalMark);
        var integerPart = decimalAt < 0 ? text : text[..decimalAt];
        var fractionPart = decimalAt < 0 ? ReadOnlySpan<char>.Empty : text[(decimalAt + 1)..];
        if (integerPart.IsEmpty || (decimalAt >= 0 && fractionPart.IsEmpty))
            return false;
        decimal result = 0;
        var digits = 0;
        var groupLength = 0;
        var firstGroup = true;
        var separator = '\0';
        foreach (var c in integerPart)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits > MaxDigits) return false;
                result = result * 10 + (c - '0');
                groupLength++;
                continue;
            }
            var kind = GroupSeparatorKind(c, language);
            if (kind == '\0' || (separator != '\0' && kind != separator))
                return false;
            if (firstGroup ? groupLength is < 1 or > 3 : groupLength != 3)
                return false;
            separator = kind;
            firstGroup = false;
            groupLength = 0;
        }
        if (separator != '\0' && groupLength != 3)
            return false;

        var scale = 1m;
        foreach (var c in fractionPart)
        {
            if (!char.IsAsciiDigit(c) || ++digits > MaxDigits)
                return false;
            scale /= 10;
            result += (c - '0') * scale;
        }

        value = negative ? -result : result;
        return true;
    }

    /// <summary>The separator <paramref name="c"/> stands for when grouping thousands ('.', ',' or ' '), or '\0'.</summary>
    private static char GroupSeparatorKind(char c, Language language) => c switch
    {
        ' ' or '\u00A0' or '\u202F' or '\u2009' => ' ',
        ',' when language == Language.En => ',',
        '.' when language != Language.En => '.',
        _ => '\0',
    };
}
