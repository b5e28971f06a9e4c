using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Validation;

namespace Observatory.Fuzzing.Targets;

/// <summary>
/// The fuzzing targets: one per reader (xlsx, csv, json) and one on the whole validator. Each takes the raw bytes of
/// a file and returns what the pipeline would make of them. An exception that escapes is a defect (afl-fuzz records it
/// as a crash): the readers turn a file they cannot read, or one past a limit, into a format-error or limit-exceeded
/// problem themselves, exactly as processing relies on, so no exception is caught here.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The xlsx reader: <see cref="ReturnReader.Open(Stream, ReturnFormat, string?, ReferenceDataSet, ReturnLimits?)"/> and every record.</summary>
    public const string Xlsx = "xlsx";

    /// <summary>The csv reader (encoding and separator detection, quoting, the header search) and every record.</summary>
    public const string Csv = "csv";

    /// <summary>The JSON reader (the text check, the document, the records) and every record.</summary>
    public const string Json = "json";

    /// <summary>
    /// The whole validator: the format found from the bytes as intake finds it (a file named return.csv, no content
    /// type), then <see cref="ReturnValidator.ReadAndValidate"/>, the entry queue-triggered processing calls, for
    /// Mexico 2025 with no earlier year.
    /// </summary>
    public const string Validator = "validator";

    /// <summary>Every target's name, as scripts/fuzz.sh and the corpus folders (tests/fuzz-corpus/NAME) spell it.</summary>
    public static IReadOnlyList<string> Names { get; } = [Xlsx, Csv, Json, Validator];

    private const string ValidatorFileName = "return.csv";
    private static readonly Language[] Languages = [Language.En, Language.Es, Language.Pt, Language.Fr];
    private static readonly Lazy<ReturnValidator> SharedValidator = new(() => new ReturnValidator(ReferenceDataSet.Default, ReturnLimits.Default));
    private static readonly Lazy<ValidationContext> Mexico2025 = new(() => new ValidationContext(
        ReferenceDataSet.Default.States.FindByIso3("MEX") ?? throw new InvalidOperationException("MEX is not a member state."),
        2025, new Dictionary<string, Core.Domain.Observation>()));

    /// <summary>Loads the reference data and builds the validator, so the first input is not charged with it.</summary>
    public static void Warm()
    {
        _ = SharedValidator.Value;
        _ = Mexico2025.Value;
    }

    /// <summary>Runs <paramref name="input"/> through the target named <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is none of <see cref="Names"/>.</exception>
    /// <exception cref="FuzzInvariantException">The outcome breaks a promise the pipeline makes of every verdict.</exception>
    public static FuzzOutcome Run(string target, Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return target switch
        {
            Xlsx => Read(input, ReturnFormat.Xlsx, "return.xlsx"),
            Csv => Read(input, ReturnFormat.Csv, "return.csv"),
            Json => Read(input, ReturnFormat.Json, "return.json"),
            Validator => Validate(input),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown fuzzing target."),
        };
    }

    private static FuzzOutcome Read(Stream input, ReturnFormat format, string fileName)
    {
        using var parsed = ReturnReader.Open(input, format, fileName, ReferenceDataSet.Default, ReturnLimits.Default);
        var records = 0;
        foreach (var record in parsed.Records)
        {
            records++;
            foreach (var field in record.Fields.Values)
                _ = field.Value.Display;
        }
        // What the validator reads besides the records, each of which must be readable once the records are.
        _ = parsed.HeaderLanguage;
        _ = parsed.Header;
        _ = parsed.StatedYear;
        _ = parsed.StatedCountry;
        var problems = parsed.Problems;
        RenderEach(problems);
        var refused = problems.Any(p => p.Type is ProblemTypes.FormatError or ProblemTypes.LimitExceeded or ProblemTypes.EncodingError);
        return new FuzzOutcome(refused ? FuzzVerdict.Refused : FuzzVerdict.Read, records, problems.Count + parsed.OmittedProblems.Sum(o => o.Count),
            problems.Select(p => p.MessageKey).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static FuzzOutcome Validate(Stream input)
    {
        // Intake looks at the first bytes of the stored file, then processing reads it from the start: afl-fuzz's
        // input (standard input) cannot seek, so it is held in memory first, as a blob's bytes are held in storage.
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            copy.Position = 0;
            input = copy;
        }
        var head = new byte[64];
        var length = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        input.Position = 0;
        var format = ReturnReader.DetectFormat(contentType: null, ValidatorFileName, head.AsSpan(0, length));
        if (format is null)
        {
            // Intake's refusal of a file in no supported format: a rejected submission with this one problem.
            var unsupported = ReturnReader.DescribeUnsupported(contentType: null, ValidatorFileName, head.AsSpan(0, length));
            RenderEach([unsupported]);
            return new FuzzOutcome(FuzzVerdict.Refused, 0, 1, [unsupported.MessageKey]);
        }
        var outcome = SharedValidator.Value.ReadAndValidate(input, format.Value, ValidatorFileName, Mexico2025.Value);
        if (!outcome.Accepted && outcome.Errors.Count == 0)
            throw new FuzzInvariantException("A return was rejected with no error kept in detail to say why.");
        RenderEach(outcome.Errors);
        RenderEach(outcome.Warnings);
        return new FuzzOutcome(outcome.Accepted ? FuzzVerdict.Accepted : FuzzVerdict.Rejected, outcome.Rows, outcome.ErrorCount + outcome.WarningCount,
            outcome.Errors.Concat(outcome.Warnings).Select(p => p.MessageKey).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every problem is shown to a focal point in one of four languages: each rendering must succeed.</summary>
    private static void RenderEach(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
            foreach (var language in Languages)
                if (string.IsNullOrWhiteSpace(MessageCatalog.Default.Render(problem, language)))
                    throw new FuzzInvariantException($"Problem {problem.MessageKey} renders empty in {language}.");
    }
}
