using System.Globalization;

namespace Observatory.Core.Domain;

/// <summary>
/// A normalized observation: one cell of an indicator for a state and year, with every dimension
/// of the indicator given as a code (a blank cell became _T) and a typed value.
/// </summary>
/// <param name="Country">ISO alpha-3 code of the state.</param>
/// <param name="Year">The reporting year.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Dimensions">Every dimension of the indicator and no other, in catalog order, id → code.</param>
/// <param name="Value">The value.</param>
/// <param name="Note">The focal point's note, if any.</param>
/// <param name="Flag">estimated or provisional as the focal point flagged it; null otherwise.</param>
public sealed record Observation(
    string Country,
    int Year,
    string Indicator,
    IReadOnlyList<KeyValuePair<string, string>> Dimensions,
    ObservationValue Value,
    string? Note,
    string? Flag)
{
    /// <summary>
    /// The cell's identity within a state and year: the indicator and its dimension codes
    /// ("CT_VICT_DET|SEX=F|AGE=Y12T17|EXPLOITATION=SEXUAL|CITIZENSHIP=_T"). Two observations with the
    /// same key are the same cell.
    /// </summary>
    public string Key => ObservationKey.Of(Indicator, Dimensions);
}

/// <summary>Builds observation keys.</summary>
public static class ObservationKey
{
    /// <summary>The key of an indicator cell; dimensions must be in catalog order.</summary>
    public static string Of(string indicator, IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        var builder = new System.Text.StringBuilder(indicator);
        foreach (var (id, code) in dimensions)
            builder.Append('|').Append(id).Append('=').Append(code);
        return builder.ToString();
    }
}

/// <summary>A typed value: a whole number for NUMBER indicators, a code for TREATY_STATUS and YES_NO.</summary>
/// <param name="Number">The count, for numeric indicators.</param>
/// <param name="Code">The code, for coded indicators.</param>
public readonly record struct ObservationValue(long? Number, string? Code)
{
    /// <summary>A numeric value.</summary>
    public static ObservationValue Of(long number) => new(number, null);

    /// <summary>A coded value.</summary>
    public static ObservationValue Of(string code) => new(null, code);

    /// <inheritdoc />
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Code ?? string.Empty;
}
