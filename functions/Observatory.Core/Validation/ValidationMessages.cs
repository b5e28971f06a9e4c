using Observatory.Core.Problems;
namespace Observatory.Core.Validation;

/// <summary>
/// The keys of the validator's messages in the <see cref="MessageCatalog"/> (file
/// ReferenceData/Data/messages.validation.json). The comment of each key lists its arguments in order;
/// arguments marked "localized" come from <see cref="Problem.LocalizedArguments"/>.
/// </summary>
public static class ValidationMessages
{
    /// <summary>The file has no data rows. No arguments.</summary>
    public const string NoData = "validation.no-data";

    /// <summary>A country that is no member state. {0} value.</summary>
    public const string CountryUnknown = "validation.country.unknown";

    /// <summary>A country other than the submission's. {0} value; localized {1} the state written, {2} the submission's state.</summary>
    public const string CountryMismatch = "validation.country.mismatch";

    /// <summary>A year that is not a year. {0} value, {1} the submission's year.</summary>
    public const string YearInvalid = "validation.year.invalid";

    /// <summary>A year other than the submission's. {0} value, {1} the submission's year.</summary>
    public const string YearMismatch = "validation.year.mismatch";

    /// <summary>A blank indicator cell. No arguments.</summary>
    public const string IndicatorMissing = "validation.indicator.missing";

    /// <summary>An indicator the catalog does not know. {0} value, {1} the codes that may be submitted.</summary>
    public const string IndicatorUnknown = "validation.indicator.unknown";

    /// <summary>A derived indicator, which is never submitted. {0} value; localized {1} its name.</summary>
    public const string IndicatorDerived = "validation.indicator.derived";

    /// <summary>A dimension value outside its list. {0} value; localized {1} the dimension's name, {2} the accepted codes and labels.</summary>
    public const string DimensionUnknownCode = "validation.dimension.unknown-code";

    /// <summary>A dimension the indicator does not have, filled in. {0} value, {1} the indicator code; localized {2} the dimension's name.</summary>
    public const string DimensionNotApplicable = "validation.dimension.not-applicable";

    /// <summary>A blank value cell. {0} the indicator code.</summary>
    public const string ValueMissing = "validation.value.missing";

    /// <summary>A "not available" marker; the row is skipped. {0} value.</summary>
    public const string ValueNotAvailable = "validation.value.not-available";

    /// <summary>Rows that name a cell but have no value, skipped as not reported. Localized {0} the rows.</summary>
    public const string ValueNotReported = "validation.value.not-reported";

    /// <summary>Text that is no number. {0} value.</summary>
    public const string ValueNotANumber = "validation.value.not-a-number";

    /// <summary>A numeric cell with a fraction. {0} value.</summary>
    public const string ValueNotWhole = "validation.value.not-whole";

    /// <summary>Text that reads as a number with a fraction in the file's language. {0} value; localized {1} the language it was read in.</summary>
    public const string ValueNotWholeText = "validation.value.not-whole-text";

    /// <summary>Text that two of the state's languages read as different numbers. {0} value; localized {1} and {2} the two languages.</summary>
    public const string ValueAmbiguous = "validation.value.ambiguous";

    /// <summary>A negative count. {0} value.</summary>
    public const string ValueNegative = "validation.value.negative";

    /// <summary>A TREATY_STATUS or YES_NO answer outside its list. {0} value, {1} the indicator code; localized {2} the accepted codes and labels.</summary>
    public const string ValueNotInList = "validation.value.not-in-list";

    /// <summary>A flag other than estimated or provisional. {0} value.</summary>
    public const string FlagUnknown = "validation.flag.unknown";

    /// <summary>A second row for the same cell. {0} the first row, {1} the cell (indicator and dimension codes).</summary>
    public const string DuplicateRow = "validation.duplicate-row";

    /// <summary>Parts over their total. {0} total, {1} parts sum, {2} the excess; localized {3} the dimension's name, {4} the parts' rows.</summary>
    public const string PartsExceedTotal = "validation.additivity.parts-exceed-total";

    /// <summary>Parts under their total with no unknown part. {0} total, {1} parts sum, {2} the shortfall; localized {3} the dimension's name, {4} the parts' rows.</summary>
    public const string PartsBelowTotal = "validation.additivity.parts-below-total";

    /// <summary>More convictions than prosecutions. {0} convictions, {1} prosecutions, {2} the prosecutions' row.</summary>
    public const string ConvictionsExceedProsecutions = "validation.convictions-exceed-prosecutions";

    /// <summary>More than five times last year's value. {0} value, {1} last year's value, {2} last year.</summary>
    public const string OutlierHigher = "validation.outlier.higher";

    /// <summary>Less than a fifth of last year's value. {0} value, {1} last year's value, {2} last year.</summary>
    public const string OutlierLower = "validation.outlier.lower";
}
