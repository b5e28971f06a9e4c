using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>
/// Checks a return against the catalog and the rules of domain.md and normalizes its rows into
/// observations. Reports every problem found, not only the first. Problems carry message keys and
/// arguments, rendered later in the focal point's language (see <see cref="RenderedProblem"/>).
/// </summary>
/// <remarks>
/// The validator reads the records once, as a stream: each distinct text of a column is resolved once,
/// and the checks across rows (duplicates, additivity, convictions against prosecutions) keep one small
/// entry per cell and run in time proportional to the number of cells. An instance is safe to share.
/// </remarks>
public sealed class ReturnValidator
{
    private readonly ValidationCatalog _catalog;
    private readonly ReferenceDataSet _referenceData;
    private readonly ReturnLimits _limits;

    /// <summary>Creates a validator over the given reference data, with the default limits.</summary>
    /// <exception cref="InvalidDataException">The catalog is inconsistent (an indicator names a missing dimension or value list, a dimension has no total).</exception>
    public ReturnValidator(ReferenceDataSet referenceData)
        : this(referenceData, ReturnLimits.Default)
    {
    }

    /// <summary>Creates a validator over the given reference data and limits (the note's length, the problems kept in detail).</summary>
    /// <exception cref="InvalidDataException">The catalog is inconsistent (an indicator names a missing dimension or value list, a dimension has no total).</exception>
    public ReturnValidator(ReferenceDataSet referenceData, ReturnLimits limits)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        ArgumentNullException.ThrowIfNull(limits);
        _catalog = new ValidationCatalog(referenceData);
        _referenceData = referenceData;
        _limits = limits;
    }

    /// <summary>The limits returns are read and validated within.</summary>
    public ReturnLimits Limits => _limits;

    /// <summary>
    /// Reads a raw file in <paramref name="format"/> within <see cref="Limits"/> and returns the verdict: the one entry
    /// from bytes to verdict that the queue-triggered processing uses (and the fuzzing targets with it). A file that
    /// cannot be read, or that goes past a limit, ends in a verdict with a format-error; nothing about the content
    /// throws. The stream is disposed.
    /// </summary>
    /// <param name="raw">The raw file, seekable or not, read from its current position.</param>
    /// <param name="format">Its format, as intake detected it.</param>
    /// <param name="fileName">The name it was sent with (a csv's problems are located in it).</param>
    /// <param name="context">The state and year the submission is for, and last year's data.</param>
    public ValidationOutcome ReadAndValidate(Stream raw, ReturnFormat format, string? fileName, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var parsed = ReturnReader.Open(raw, format, fileName, _referenceData, _limits);
        return Validate(parsed, context);
    }

    /// <summary>Reads every record of <paramref name="parsed"/> and returns the verdict.</summary>
    /// <param name="parsed">The return, not yet enumerated; it is not disposed here.</param>
    /// <param name="context">The state and year the submission is for, and last year's data.</param>
    public ValidationOutcome Validate(ParsedReturn parsed, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(context);
        var run = new ValidationRun(_catalog, context, parsed.Format, parsed.HeaderLanguage, _limits);
        foreach (var record in parsed.Records)
            run.Read(record);
        return run.Finish(parsed);
    }
}
