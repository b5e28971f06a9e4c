using System.Globalization;
using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;

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
    private readonly TimeProvider _clock;

    /// <summary>Creates the reader.</summary>
    public UploadTermsReader(ReferenceDataSet referenceData, ObservatoryOptions options, TimeProvider clock)
    {
        _referenceData = referenceData;
        _options = options;
        _clock = clock;
    }

    /// <summary>
    /// The terms of <paramref name="request"/>, or the refusal (400, 403 or 415 in HTTP terms) with a message saying
    /// what to do. A file that does not state its year is scanned for it within <see cref="ObservatoryOptions.YearScanBytes"/>
    /// and <see cref="ObservatoryOptions.YearScanSeconds"/>.
    /// </summary>
    public (UploadTerms? Terms, IntakeResult? Refusal) Read(IntakeRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        MemberState? state;
        if (string.IsNullOrWhiteSpace(request.Country))
        {
            state = caller.Country is null ? null : _referenceData.States.FindByIso3(caller.Country);
            if (state is null)
                return Refused(IntakeRefusal.InvalidParameters, "The 'country' parameter is required: give the ISO3 code of the reporting state, e.g. country=MEX.");
        }
        else if (!_referenceData.States.TryResolve(request.Country, out state))
        {
            return Refused(IntakeRefusal.InvalidParameters, $"'{request.Country}' is not a member state. Give its ISO3 code, e.g. country=MEX.");
        }
        if (!caller.CanActFor(state.Iso3))
            return Refused(IntakeRefusal.Forbidden, $"This key belongs to {caller.Country}; it cannot submit for {state.Iso3}.");

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

        int year;
        if (!string.IsNullOrWhiteSpace(request.Year))
        {
            if (!int.TryParse(request.Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 1990 || year > _clock.GetUtcNow().Year)
                return Refused(IntakeRefusal.InvalidParameters, $"'{request.Year}' is not a reporting year: give a year from 1990 to {_clock.GetUtcNow().Year}, e.g. year=2025.");
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
        if (!state.ParticipatedIn(year))
            return Refused(IntakeRefusal.InvalidParameters, $"{state.Names.En} does not take part in the observatory for {year}; staff can tell you more.");

        return (new UploadTerms(state, year, language, mode.Value, format.Value), null);
    }

    /// <summary>The refusal of a locked state-year (409), the same for an upload and a dry run.</summary>
    public static IntakeResult LockedRefusal(MemberState state, int year, StateYearLock locked) => IntakeResult.Refused(IntakeRefusal.Locked,
        $"The data of {state.Names.En} for {year} is locked{(string.IsNullOrWhiteSpace(locked.Reason) ? "" : $" ({locked.Reason})")}; no new submission is accepted until staff unlock it. Contact the observatory's staff to correct published data.");

    private static (UploadTerms?, IntakeResult?) Refused(IntakeRefusal refusal, string detail) => (null, IntakeResult.Refused(refusal, detail));
}
