namespace Observatory.Core.ReferenceData;

/// <summary>
/// The reference data is inconsistent: a duplicate code, a missing label, an alias that would resolve to two
/// different codes. The message names the file, the entry and the text at fault, so staff can fix the data.
/// </summary>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Creates the exception with a message naming the culprit.</summary>
    public ReferenceDataException(string message) : base(message) { }

    /// <summary>Creates the exception with a message naming the culprit and the error that revealed it.</summary>
    public ReferenceDataException(string message, Exception innerException) : base(message, innerException) { }
}
