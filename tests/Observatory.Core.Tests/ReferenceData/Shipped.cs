using System.Globalization;
using System.Text;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

/// <summary>The reference data shipped with the build, and ways to write its names as people do.</summary>
internal static class Shipped
{
    public static ReferenceDataSet Data => ReferenceDataSet.Default;

    public static IndicatorCatalog Catalog => Data.Catalog;

    public static MemberStateRegistry States => Data.States;

    /// <summary>The raw text of an embedded data file, to be altered by tests of the load-time checks.</summary>
    public static string ReadDataFile(string fileName)
    {
        using var stream = typeof(ReferenceDataSet).Assembly.GetManifestResourceStream("Observatory.ReferenceData." + fileName)
            ?? throw new InvalidOperationException($"{fileName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The text as someone without an accented keyboard types it: "Haïti" becomes "Haiti".</summary>
    public static string WithoutAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
