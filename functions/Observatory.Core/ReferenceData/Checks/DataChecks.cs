using Observatory.Core.Languages;

namespace Observatory.Core.ReferenceData.Checks;

/// <summary>The small checks every kind of reference data shares.</summary>
internal static class DataChecks
{
    /// <summary>Throws unless <paramref name="text"/> has a non-blank entry in each of the four languages.</summary>
    public static void RequireFourLabels(LocalizedText? text, string what, string owner)
    {
        if (text is null) throw new ReferenceDataException($"{owner}: the {what} is missing.");
        foreach (var language in LanguageCodes.All)
        {
            if (string.IsNullOrWhiteSpace(text[language]))
                throw new ReferenceDataException($"{owner}: the {what} in {language.ToCode()} is empty; every {what} needs all four languages.");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="code"/> is a stable identifier: capital letters, digits and underscores
    /// (F, Y12T17, _T, CT_VICT_DET), the form the open data and researchers' scripts rely on.
    /// </summary>
    public static void RequireCode(string? code, string what, string owner)
    {
        if (string.IsNullOrEmpty(code))
            throw new ReferenceDataException($"{owner}: a {what} is blank.");
        foreach (var c in code)
        {
            if (c is not (>= 'A' and <= 'Z') and not (>= '0' and <= '9') and not '_')
                throw new ReferenceDataException($"{owner}: {what} \"{code}\" may hold only capital letters, digits and underscores.");
        }
    }

    /// <summary>Throws when <paramref name="key"/> was already seen.</summary>
    public static void RequireUnique(HashSet<string> seen, string key, string what, string owner)
    {
        if (!seen.Add(key))
            throw new ReferenceDataException($"{owner}: {what} \"{key}\" appears twice.");
    }
}
