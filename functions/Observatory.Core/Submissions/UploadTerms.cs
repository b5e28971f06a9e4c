using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;

namespace Observatory.Core.Submissions;

/// <summary>What an upload is for, once its parameters and file have been read: the state, year, language, mode and format.</summary>
/// <param name="State">The reporting state, one the caller may act for.</param>
/// <param name="Year">The reporting year, in which the state takes part.</param>
/// <param name="Language">The language of the messages (lang=, else the state's).</param>
/// <param name="Mode">Replace (the default) or amend.</param>
/// <param name="Format">The file's format, found from its content type, name and first bytes.</param>
public sealed record UploadTerms(MemberState State, int Year, Language Language, SubmissionMode Mode, ReturnFormat Format);

/// <summary>
/// Reads the terms of an upload from its parameters and file, with the refusals an upload gets; shared by the intake
/// (which then stores the file) and the dry run (which only validates it), so both answer a bad request alike.
/// Reads no storage.
/// </summary>
public sealed class UploadTermsReader
{
    private readonly ReferenceDataSet _referenceData;
    private readonly ObservatoryOptions _options;
    private readonly ReportingPolicy _policy;

    /// <summary>Creates the reader.</summary>
    public UploadTermsReader(ReferenceDataSet referenceData, ObservatoryOptions options, ReportingPolicy policy)
    {
        _referenceData = referenceData;
        _options = options;
        _policy = policy;
    }

    /// <summary>
    /// The terms of <paramref name="request"/>, or the refusal (400, 403 or 415 in HTTP terms) with a message saying
    /// what to do. A file that does not state its year is scanned for it within <see cref="ObservatoryOptions.YearScanBytes"/>
    /// and <see cref="ObservatoryOptions.YearScanSeconds"/>.
    /// </summary>
    public (UploadTerms? Terms, IntakeResult? Refusal) Read(IntakeRequest request, CancellationToken cancellationToken)
    {
        var choice = _policy.StateFor(request.Caller, request.Country);
        if (choice.State is not { } state)
            return Refused(choice.Refusal == StateRefusal.Forbidden ? IntakeRefusal.Forbidden : IntakeRefusal.InvalidParameters, choice.Detail!);

        var language = state.Language;
        if (!string.IsNullOrWhiteSpace(request.Language) && !LanguageCodes.TryParse(request.Language, out language))
            return Refused(IntakeRefusal.InvalidParameters, $"'{request.Language}' is not a language of the observatory: use en, es, pt or fr.");

        SubmissionMode? mode = string.IsNullOrWhiteSpace(request.Mode) ? SubmissionMode.Replace : request.Mode.Trim().ToLowerInvariant() switch
        {
            "replace" => SubmissionMode.Replace,
            "amend" => SubmissionMode.Amend,
            _ => null,
        };
        if (mode is null)
            return Refused(IntakeRefusal.InvalidParameters, $"'{request.Mode}' is not a mode: use mode=replace (the file is the whole return, the default) or mode=amend (only the cells in the file change).");

        if (request.Content.IsEmpty)
            return Refused(IntakeRefusal.InvalidParameters, "The request has no file: send the file as the body, or as the field 'file' of a multipart form.");
        var format = ReturnReader.DetectFormat(request.ContentType, request.FileName, request.Content.Span[..Math.Min(512, request.Content.Length)]);
        if (format is null)
            return Refused(IntakeRefusal.UnsupportedFormat, "The file is not an xlsx workbook, a csv file or a JSON document. Old .xls workbooks must be saved as .xlsx.");

        var given = _policy.ReadYear(request.Year);
        if (given.Refusal is { } badYear)
            return Refused(IntakeRefusal.InvalidParameters, badYear);
        int year;
        if (given.Year is { } named)
        {
            year = named;
        }
        else
        {
            var scan = StatedYearScan.Find(request.Content, format.Value, request.FileName, _referenceData,
                _options.YearScanBytes, TimeSpan.FromSeconds(_options.YearScanSeconds), cancellationToken);
            if (scan.Year is { } stated)
                year = stated;
            else if (scan.GaveUp)
                return Refused(IntakeRefusal.InvalidParameters,
                    "The reporting year was not found at the start of the file; give it as the 'year' parameter, e.g. year=2025.");
            else
                return Refused(IntakeRefusal.InvalidParameters, "The 'year' parameter is required when the file does not state its reporting year, e.g. year=2025.");
        }
        // A year the file states is held to the same range and participation as one given as a parameter.
        if (_policy.RefuseReporting(state, year) is { } refusal)
            return Refused(IntakeRefusal.InvalidParameters, refusal);

        return (new UploadTerms(state, year, language, mode.Value, format.Value), null);
    }

    /// <summary>The refusal of a locked state-year (409), the same for an upload and a dry run.</summary>
    public static IntakeResult LockedRefusal(MemberState state, int year, StateYearLock locked) => IntakeResult.Refused(IntakeRefusal.Locked,
        $"The data of {state.Names.En} for {year} is locked{(string.IsNullOrWhiteSpace(locked.Reason) ? "" : $" ({locked.Reason})")}; no new submission is accepted until staff unlock it. Contact the observatory's staff to correct published data.");

    private static (UploadTerms?, IntakeResult?) Refused(IntakeRefusal refusal, string detail) => (null, IntakeResult.Refused(refusal, detail));
}
