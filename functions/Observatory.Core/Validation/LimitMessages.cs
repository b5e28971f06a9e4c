namespace Observatory.Core.Validation;

/// <summary>
/// The keys of the validator's messages about limits in the <see cref="MessageCatalog"/> (file
/// ReferenceData/Data/messages.limits.json, which also holds the readers' limit messages).
/// </summary>
public static class LimitMessages
{
    /// <summary>A note longer than <see cref="Reading.ReturnLimits.MaxNoteChars"/>. {0} its length, {1} the limit.</summary>
    public const string NoteTooLong = "limits.note";

    /// <summary>Problems not listed one by one. {0} how many, {1} their type.</summary>
    public const string Omitted = "limits.omitted";
}
