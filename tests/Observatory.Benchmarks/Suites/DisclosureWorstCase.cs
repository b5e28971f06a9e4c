using System.Globalization;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Benchmarks.Suites;

/// <summary>
/// The cost of disclosure control on the worst table shapes the catalog allows: CT_VICT_DET crossed in full (sex ×
/// age × ten forms of exploitation × citizenship, every margin: 704 cells, the largest protected table a state can
/// send), with small counts everywhere, a third of cells small, and a revision audited with its earlier version.
/// Each is timed against a baseline in the same run: the same table with every count multiplied by ten, so nothing
/// is small and disclosure control has nothing to audit (what building the published rows costs anyway).
/// Run with <c>--disclosure-worst [runs]</c>; prints a Markdown table.
/// </summary>
public static class DisclosureWorstCase
{
    private static readonly string[] Dimensions = ["SEX", "AGE", "EXPLOITATION", "CITIZENSHIP"];

    /// <summary>Times each shape <paramref name="runs"/> times and prints the medians and their ratio to the baseline.</summary>
    public static int Run(int runs, TextWriter output)
    {
        var referenceData = ReferenceDataSet.Default;
        var index = new CatalogIndex(referenceData.Catalog);
        var state = referenceData.States.All.Single(s => s.Iso3 == "MEX");
        var indicator = referenceData.Catalog.Indicators.Single(i => i.Code == "CT_VICT_DET");
        var parts = Dimensions.Select(d => referenceData.Catalog.CodeLists.Single(l => l.Id == d).Items.Select(i => i.Code).Where(c => c != CodeList.Total).ToArray()).ToArray();

        output.WriteLine("| shape | cells | small counts | withheld | by the integer program | audit + build | baseline build | ratio |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        CompileBenchmarkState(runs, output);
        foreach (var (name, draw, revised) in new (string, Func<Random, long>, bool)[]
        {
            ("every part small (1–4)", r => r.Next(1, 5), false),
            ("a third zero, a third small, a third 5–14", r => r.Next(3) switch { 0 => 0, 1 => r.Next(1, 5), _ => r.Next(5, 15) }, false),
            ("the same, second version with 20 parts changed", r => r.Next(3) switch { 0 => 0, 1 => r.Next(1, 5), _ => r.Next(5, 15) }, true),
        })
        {
            var random = new Random(2026);
            var values = Cartesian(parts).ToDictionary(c => string.Join('|', c), _ => draw(random));
            var history = PublishedHistory.None;
            if (revised)
            {
                var earlier = Table(indicator, parts, values, multiplier: 1);
                var first = StateTable.Build(Set(earlier, "MEX-2025-V1"), state, index, 5);
                var withheld = first.Rows.Where(r => r.IsSuppressed)
                    .Select(r => ObservationKey.Of(indicator.Code, indicator.Dimensions.Select((d, i) => KeyValuePair.Create(d, r.Dimensions[index.DimensionColumn(d)]!))))
                    .ToHashSet(StringComparer.Ordinal);
                history = new PublishedHistory([new PublishedVersion("V1", new Dictionary<string, PublishedState> { ["MEX"] = new("MEX-2025-V1", withheld) })]);
                history.AddData("MEX-2025-V1", earlier);
                foreach (var key in values.Keys.OrderBy(_ => random.Next()).Take(20).ToList())
                    values[key] = draw(random);
            }
            var cells = Table(indicator, parts, values, multiplier: 1);
            var large = Table(indicator, parts, values, multiplier: 10);

            StateTable built = null!;
            var audit = new List<double>();
            var baseline = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                audit.Add(Sample.Take(() => built = StateTable.Build(Set(cells, "MEX-2025-V2"), state, index, 5, history)).Elapsed.TotalSeconds);
                baseline.Add(Sample.Take(() => StateTable.Build(Set(large, "MEX-2025-V2"), state, index, 5)).Elapsed.TotalSeconds);
            }
            var audits = built.Disclosure.SelectMany(t => t.Audits).ToList();
            var small = cells.Count(c => c.Value.Number is >= 1 and < 5);
            var withheldNow = built.Rows.Count(r => r.IsSuppressed);
            var byProgram = audits.Count(a => a.Method == AuditMethod.IntegerProgram);
            var (a, b) = (Statistics.Median(audit), Statistics.Median(baseline));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {cells.Count} | {small} | {withheldNow} | {byProgram} of {audits.Count} | {a * 1000:F0} ms | {b * 1000:F1} ms | {a / b:F0} |"));
            if (audits.Any(x => !x.Protected))
                throw new InvalidDataException($"{name}: a small count is not protected.");
        }
        return 0;
    }

    /// <summary>One state of the compile benchmark: 5,000 observations in 312 sex × age blocks with their margins.</summary>
    private static void CompileBenchmarkState(int runs, TextWriter output)
    {
        var referenceData = Data.BenchmarkReferenceData.Instance;
        var index = new CatalogIndex(referenceData.Catalog);
        var state = referenceData.States.All.Single(s => s.Iso3 == "MEX");
        var cells = Data.ObservationData.For("MEX", 2025, 5000);
        var large = cells.Select(c => c with { Value = ObservationValue.Of(c.Value.Number!.Value * 10) }).ToList();
        StateTable built = null!;
        var audit = new List<double>();
        var baseline = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            audit.Add(Sample.Take(() => built = StateTable.Build(Set(cells, "MEX-2025-A"), state, index, 5)).Elapsed.TotalSeconds);
            baseline.Add(Sample.Take(() => StateTable.Build(Set(large, "MEX-2025-A"), state, index, 5)).Elapsed.TotalSeconds);
        }
        var audits = built.Disclosure.SelectMany(t => t.Audits).ToList();
        var (a, b) = (Statistics.Median(audit), Statistics.Median(baseline));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| a state of the compile benchmark (312 sex × age blocks) | {cells.Count} | {cells.Count(c => c.Value.Number is >= 1 and < 5)} | {built.Rows.Count(r => r.IsSuppressed)} | {audits.Count(x => x.Method == AuditMethod.IntegerProgram)} of {audits.Count} | {a * 1000:F0} ms | {b * 1000:F1} ms | {a / b:F0} |"));
    }

    private static ObservationSet Set(IReadOnlyList<Observation> cells, string submission) =>
        new("MEX", 2025, submission, DateTimeOffset.UnixEpoch, cells);

    /// <summary>Every part and every margin (any subset of codes replaced by _T), the margins summed.</summary>
    private static List<Observation> Table(Indicator indicator, string[][] parts, Dictionary<string, long> values, long multiplier)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var codes = key.Split('|');
            for (var mask = 0; mask < 1 << codes.Length; mask++)
            {
                var cell = string.Join('|', codes.Select((c, d) => (mask >> d & 1) == 1 ? CodeList.Total : c));
                sums[cell] = sums.GetValueOrDefault(cell) + value * multiplier;
            }
        }
        return [.. sums.Select(s => new Observation("MEX", 2025, indicator.Code,
            [.. indicator.Dimensions.Zip(s.Key.Split('|'), KeyValuePair.Create)], ObservationValue.Of(s.Value), null, null))];
    }

    private static IEnumerable<string[]> Cartesian(string[][] codes) =>
        codes.Aggregate((IEnumerable<string[]>)[[]], (acc, list) => acc.SelectMany(prefix => list.Select(code => (string[])[.. prefix, code])));
}
