using Observatory.Core.Domain;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Validation;

namespace Observatory.Core.Submissions;

/// <summary>
/// Reads and validates one return for a state and year, exactly as a submission is checked: the state's accepted data
/// of the year before is read for the comparisons with last year's values. Shared by the queued processing of a
/// submission and the dry run, so a file checked in advance gets the verdict it will get when sent. Only reads storage.
/// </summary>
public sealed class ReturnValidation
{
    private readonly IObservationStore _observations;
    private readonly ReferenceDataSet _referenceData;
    private readonly ReturnValidator _validator;
    private readonly ReportingPolicy _policy;

    /// <summary>Creates the validation over the observation store (read only); year cells are read against the policy's years.</summary>
    public ReturnValidation(IObservationStore observations, ReferenceDataSet referenceData, ReturnValidator validator, ReportingPolicy policy)
    {
        _policy = policy;
        _observations = observations;
        _referenceData = referenceData;
        _validator = validator;
    }

    /// <summary>The limits returns are read and validated within.</summary>
    public ReturnLimits Limits => _validator.Limits;

    /// <summary>Reads <paramref name="content"/> (not disposed here) as a return of <paramref name="state"/> for <paramref name="year"/> and gives the verdict.</summary>
    /// <param name="state">The reporting state.</param>
    /// <param name="year">The reporting year.</param>
    /// <param name="content">The file.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="fileName">The file's name (a csv's only sheet is named after it).</param>
    /// <param name="cancellationToken">Cancels the read of last year's data.</param>
    public async Task<ValidationOutcome> ValidateAsync(MemberState state, int year, Stream content, ReturnFormat format, string fileName, CancellationToken cancellationToken) =>
        Validate(await ContextAsync(state, year, cancellationToken), content, format, fileName);

    /// <summary>What the validator knows besides the file: the state, the year and the state's accepted data of the year before.</summary>
    public async Task<ValidationContext> ContextAsync(MemberState state, int year, CancellationToken cancellationToken)
    {
        var previousYear = await _observations.ReadCurrentAsync(state.Iso3, year - 1, null, cancellationToken);
        return new ValidationContext(state, year, previousYear?.Observations.ToDictionary(o => o.Key) ?? new Dictionary<string, Observation>())
        {
            Years = _policy.Years,
        };
    }

    /// <summary>
    /// Reads <paramref name="content"/> as a return in <paramref name="context"/> and gives the verdict, through
    /// <see cref="ReturnValidator.ReadAndValidate"/>, the entry the fuzzing targets exercise.
    /// </summary>
    public ValidationOutcome Validate(ValidationContext context, Stream content, ReturnFormat format, string fileName) =>
        _validator.ReadAndValidate(content, format, fileName, context);
}
