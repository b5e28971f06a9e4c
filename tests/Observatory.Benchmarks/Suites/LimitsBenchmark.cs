using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reports;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Benchmarks.Suites;

/// <summary>What the limits benchmark measured for one file: processing it, then rendering both its reports.</summary>
/// <param name="Case">Which limit the file is the worst case of.</param>
/// <param name="Format">xlsx or csv.</param>
/// <param name="FileBytes">The file's size.</param>
/// <param name="Rows">The rows validation read.</param>
/// <param name="Errors">The errors it found (listed or counted).</param>
/// <param name="Processing">Reading and validating it (what the queue function does), in a probe process.</param>
/// <param name="Reports">Rendering its html and then its xlsx report from the stored report (what the report route does), in a probe process.</param>
/// <param name="HtmlReportBytes">The size of the html report.</param>
/// <param name="XlsxReportBytes">The size of the xlsx report.</param>
public sealed record LimitsResult(string Case, ReturnFormat Format, long FileBytes, long Rows, long Errors, ProbeResult Processing, ProbeResult Reports, long HtmlReportBytes, long XlsxReportBytes);

/// <summary>
/// The memory of the worst file within each limit (the largest legal shared-string table, the widest legal sheet, the
/// most errors, a 25 MB return), against a small return through the same probe in the same run. Each peak working set
/// must stay under <see cref="PeakLimitBytes"/>; the run throws otherwise.
/// </summary>
public sealed class LimitsBenchmark(BenchmarkSettings settings, TextWriter log)
{
    /// <summary>The highest peak working set any file within the limits may cause (512 MiB).</summary>
    public const long PeakLimitBytes = 512L * 1024 * 1024;

    private const string Probe = "limits";
    private const int BaselineRows = 1_000;

    /// <summary>Rows of the generated xlsx and csv returns of about 25 MB (see docs/benchmarks.md, "At the upload limit").</summary>
    private const int XlsxRowsAt25Mb = 900_000;
    private const int CsvRowsAt25Mb = 500_000;

    /// <summary>
    /// Registers the probe. "process" reads and validates the file, as the queue function does, and saves the report
    /// it stores; "reports" renders the html and then the xlsx report from that saved report and the file, as the report
    /// route does in an invocation of its own (the observations of validation are long gone by then).
    /// </summary>
    public static void RegisterProbe() => MemoryProbe.Register(Probe, arguments =>
    {
        var (mode, path, format, catalog, saved) = (arguments[0], arguments[1], Enum.Parse<ReturnFormat>(arguments[2]), arguments[3], arguments[4]);
        var referenceData = catalog == "generated" ? BenchmarkReferenceData.Instance : ReferenceDataSet.Default;
        // Warm up on a small return, so that the measurement is of the file, not of loading the code.
        var warmUp = Path.Combine(Path.GetDirectoryName(path)!, "limits-warm-up.csv");
        Render(warmUp, ReturnFormat.Csv, ReferenceDataSet.Default, Process(warmUp, ReturnFormat.Csv, ReferenceDataSet.Default, saved: null).Stored);
        if (mode == "process")
            return new MemoryProbe.ProbeWork(() =>
            {
                var (items, stored) = Process(path, format, referenceData, saved);
                return (items, stored);
            });
        var report = JsonSerializer.Deserialize<StoredReport>(File.ReadAllText(saved), Json)!;
        return new MemoryProbe.ProbeWork(() => (Render(path, format, referenceData, report), report));
    });

    /// <summary>Processes every worst case and its baseline; returns the baseline first.</summary>
    public IReadOnlyList<LimitsResult> Run()
    {
        var directory = Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, "limits")).FullName;
        File.WriteAllText(Path.Combine(directory, "limits-warm-up.csv"), "Indicador;Valor\r\nCT_PERS_PROS;12\r\nCT_PERS_CONV;x\r\n");
        var full = settings.Full;
        var cases = new List<(string Case, Func<string> File, ReturnFormat Format, string Catalog)>
        {
            ($"baseline: a valid return of {BaselineRows:N0} rows", () => ReadingFiles.Ensure(directory, ReturnFormat.Csv, BaselineRows), ReturnFormat.Csv, "generated"),
            ("largest legal shared strings (1,048,576 strings, 32 M characters)", () => LimitFiles.LargestSharedStrings(directory), ReturnFormat.Xlsx, "shipped"),
            ($"widest legal sheet (16,384 columns × {(full ? 300 : 20)} rows)", () => LimitFiles.WidestSheet(directory, full ? 300 : 20), ReturnFormat.Xlsx, "shipped"),
            ("most errors (1,048,575 rows, two errors each)", () => LimitFiles.MostErrors(directory), ReturnFormat.Csv, "shipped"),
            ($"25 MB xlsx return ({(full ? XlsxRowsAt25Mb : 20_000):N0} rows)", () => ReadingFiles.Ensure(directory, ReturnFormat.Xlsx, full ? XlsxRowsAt25Mb : 20_000), ReturnFormat.Xlsx, "generated"),
            ($"25 MB csv return ({(full ? CsvRowsAt25Mb : 20_000):N0} rows)", () => ReadingFiles.Ensure(directory, ReturnFormat.Csv, full ? CsvRowsAt25Mb : 20_000), ReturnFormat.Csv, "generated"),
        };
        var results = new List<LimitsResult>();
        foreach (var (name, file, format, catalog) in cases)
        {
            var path = file();
            var size = new FileInfo(path).Length;
            log.WriteLine($"limits: {name}: file {size / 1e6:F1} MB");
            var saved = path + ".report.json";
            var processing = MemoryProbe.Run(Probe, null, "process", path, format.ToString(), catalog, saved);
            var reports = MemoryProbe.Run(Probe, null, "reports", path, format.ToString(), catalog, saved);
            // The probe's items are rows × 1,000,000,000 + errors, and the report's sizes ride in the same way: html × 2^32 + xlsx.
            var (rows, errors) = (processing.Items / 1_000_000_000, processing.Items % 1_000_000_000);
            var bytes = (Html: reports.Items >> 32, Xlsx: reports.Items & 0xFFFFFFFF);
            var result = new LimitsResult(name, format, size, rows, errors, processing, reports, bytes.Html, bytes.Xlsx);
            results.Add(result);
            log.WriteLine($"  {rows:N0} rows, {errors:N0} errors; peak working set: processing {Mb(processing.Peak)}, reports {Mb(reports.Peak)} " +
                $"(× {Ratio(processing.Peak, results[0].Processing.Peak):F2} and × {Ratio(reports.Peak, results[0].Reports.Peak):F2} the baseline's); " +
                $"reports {bytes.Html / 1024.0:N0} KiB html, {bytes.Xlsx / 1024.0:N0} KiB xlsx");
            if (processing.Peak > PeakLimitBytes || reports.Peak > PeakLimitBytes)
                throw new InvalidDataException($"{name}: the peak working set went over {Mb(PeakLimitBytes)}.");
        }
        log.WriteLine(Section(results));
        return results;
    }

    /// <summary>The line of the targets table: the highest peak against 512 MiB.</summary>
    public static string TargetRow(IReadOnlyList<LimitsResult> results)
    {
        var worst = results.Skip(1).MaxBy(r => Math.Max(r.Processing.Peak, r.Reports.Peak))!;
        var peak = Math.Max(worst.Processing.Peak, worst.Reports.Peak);
        return $"| 5. the worst file within each input limit, processed and reported | peak working set < 512 MiB | {Mb(peak)} at most ({worst.Case}) | {(peak < PeakLimitBytes ? "yes" : "**no**")} |";
    }

    /// <summary>The section "5. Memory at the input limits" of docs/benchmarks.md.</summary>
    public static string Section(IReadOnlyList<LimitsResult> results)
    {
        var baseline = results[0];
        var md = new System.Text.StringBuilder()
            .AppendLine("## 5. Memory at the input limits")
            .AppendLine()
            .AppendLine("The worst file within each of the input limits (docs/security.md, \"Input limits\"), processed as the queue function")
            .AppendLine("does (read and validated), and its two reports rendered from the stored report as the report route does (html, then")
            .AppendLine("xlsx), each in a probe process of its own, against a valid return of 1,000 rows through the same probes in the same")
            .AppendLine("run. The figure is the process's peak working set (VmHWM, reset after warming up on a small return), the runtime")
            .AppendLine("included; it must stay under 512 MiB, and the run fails otherwise.")
            .AppendLine()
            .AppendLine("| file | size | rows | errors | peak working set, processing | ÷ baseline | peak working set, both reports | ÷ baseline | reports: html / xlsx |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Case} | {r.FileBytes / 1e6:F1} MB | {r.Rows:N0} | {r.Errors:N0} | {Mb(r.Processing.Peak)} | {Ratio(r.Processing.Peak, baseline.Processing.Peak):F2} | {Mb(r.Reports.Peak)} | {Ratio(r.Reports.Peak, baseline.Reports.Peak):F2} | {r.HtmlReportBytes / 1024.0:N0} KiB / {r.XlsxReportBytes / 1024.0:N0} KiB |"));
        md.AppendLine()
            .AppendLine("- **Shared strings** are the one part of a workbook held whole while it is read: at their limits (1,048,576 strings,")
            .AppendLine("  32 M characters) they are the largest legal allocation a file can cause. A table past either limit is refused")
            .AppendLine("  when the string past it is reached, having held no more.")
            .AppendLine("- **The widest sheet** costs one row at a time; its 16,382 unknown columns are 16,382 warnings, of which the first")
            .AppendLine("  1,000 are listed and the rest counted.")
            .AppendLine("- **Most errors**: two million errors keep 1,000 in detail and a count by type; the status and both reports stay small.")
            .AppendLine("- **25 MB returns** are valid: validation keeps every observation until they are stored (section 1, \"At the upload")
            .AppendLine("  limit\"), which is what grows here, the most of any file within the limits: the 25 MB xlsx comes closest to 512 MiB.")
            .AppendLine("  The xlsx report of a file over 250,000 cells copies only the header and the rows with problems.")
            .AppendLine();
        return md.ToString();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>What processing stores about a return: its counts and its report (as the reports container holds it).</summary>
    private sealed record StoredReport(int Rows, int Observations, int Errors, int Warnings, SubmissionReport Report);

    /// <summary>Reads and validates the file; returns rows × 10⁹ + errors, and saves the report to <paramref name="saved"/> when given.</summary>
    private static (long Items, StoredReport Stored) Process(string path, ReturnFormat format, ReferenceDataSet referenceData, string? saved)
    {
        var state = referenceData.States.FindByIso3("MEX")!;
        var context = new ValidationContext(state, ReadingFiles.Year, new Dictionary<string, Core.Domain.Observation>());
        ValidationOutcome outcome;
        using (var file = File.OpenRead(path))
        using (var parsed = ReturnReader.Open(file, format, Path.GetFileName(path), referenceData, ReturnLimits.Default))
            outcome = new ReturnValidator(referenceData, ReturnLimits.Default).Validate(parsed, context);
        if (outcome.Errors.Any(e => e.Type == ProblemTypes.LimitExceeded))
            throw new InvalidDataException($"{path} went past a limit: {outcome.Errors.First(e => e.Type == ProblemTypes.LimitExceeded).MessageKey}.");
        var report = new SubmissionReport(SubmissionId.New("MEX", ReadingFiles.Year, DateTimeOffset.UnixEpoch), outcome.Errors, outcome.Warnings) { Omitted = outcome.Omitted };
        var stored = new StoredReport(outcome.Rows, outcome.Observations.Count, outcome.ErrorCount, outcome.WarningCount, report);
        if (saved is not null) File.WriteAllText(saved, JsonSerializer.Serialize(stored, Json));
        GC.KeepAlive(outcome);
        return (outcome.Rows * 1_000_000_000L + outcome.ErrorCount, stored);
    }

    /// <summary>Renders the html and then the xlsx report; returns their sizes as html × 2³² + xlsx.</summary>
    private static long Render(string path, ReturnFormat format, ReferenceDataSet referenceData, StoredReport stored)
    {
        var submission = new Submission
        {
            Id = stored.Report.SubmissionId,
            Country = "MEX",
            Year = ReadingFiles.Year,
            Status = stored.Errors == 0 ? SubmissionStatus.Accepted : SubmissionStatus.Rejected,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            FileName = Path.GetFileName(path),
            ContentType = FileNames.ContentTypeOf(format),
            Format = format,
            Sha256 = new string('0', 64),
            Size = new FileInfo(path).Length,
            Language = Language.Es,
            SubmittedBy = "benchmark",
            Counts = new SubmissionCounts(stored.Rows, stored.Observations, stored.Errors, stored.Warnings),
        };
        var renderer = new SubmissionReportRenderer(new FileStore(path), referenceData, limits: ReturnLimits.Default);
        var html = renderer.RenderAsync(submission, stored.Report, ReportFormat.Html, Language.Es, CancellationToken.None).GetAwaiter().GetResult().Content.LongLength;
        var xlsx = renderer.RenderAsync(submission, stored.Report, ReportFormat.Xlsx, Language.Es, CancellationToken.None).GetAwaiter().GetResult().Content.LongLength;
        return (html << 32) | xlsx;
    }

    private static double Ratio(long value, long baseline) => baseline == 0 ? 0 : (double)value / baseline;

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");

    /// <summary>The one raw file, read from disk as blob storage would hand it over.</summary>
    private sealed class FileStore(string path) : IRawFileStore
    {
        public Task SaveAsync(string name, Stream stream, string contentType, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => Task.FromResult<Stream>(File.OpenRead(path));
        public Task DeleteAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
