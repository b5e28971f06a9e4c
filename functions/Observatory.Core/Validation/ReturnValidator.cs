using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>
/// Checks a return against the catalog and the rules of domain.md and normalizes its rows into
/// observations. Reports every problem found, not only the first.
/// </summary>
public sealed class ReturnValidator
{
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates a validator over the given reference data.</summary>
    public ReturnValidator(ReferenceDataSet referenceData) => _referenceData = referenceData;

    /// <summary>Reads every record of <paramref name="parsed"/> and returns the verdict.</summary>
    public ValidationOutcome Validate(ParsedReturn parsed, ValidationContext context) => throw new NotImplementedException();
}
