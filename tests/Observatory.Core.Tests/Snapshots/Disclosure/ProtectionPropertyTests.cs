using CsCheck;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Tests.Snapshots.Disclosure;

/// <summary>
/// Random tables of one to four dimensions with every margin present, many small counts and zeros, some revised by a
/// second version: after disclosure control every withheld small count of every version keeps at least
/// threshold − 1 whole values (counted by the independent exhaustive auditor), no zero is withheld, and the same
/// data always gives the same cells withheld. A revision that no choice of withheld cells can protect is refused (the
/// compile stops and publishes nothing), which must stay rare.
/// </summary>
public class ProtectionPropertyTests
{
    // Indicators by number of dimensions used: the dimensions left out stay _T.
    private static readonly (string Indicator, string[] Dimensions)[] Shapes =
    [
        ("CT_VICT_CSE", ["SEX"]),
        ("CT_VICT_CSE", ["SEX", "AGE"]),
        ("CT_SMUG_MINORS", ["SEX", "AGE", "ACCOMPANIMENT"]),
        ("CT_VICT_DET", ["SEX", "AGE", "EXPLOITATION", "CITIZENSHIP"]),
    ];

    private static readonly Dictionary<string, string[]> Parts = new()
    {
        ["SEX"] = ["F", "M", "_U"],
        ["AGE"] = ["Y0T11", "Y12T17", "_U"],
        ["ACCOMPANIMENT"] = ["UNACCOMPANIED", "ACCOMPANIED", "_U"],
        ["EXPLOITATION"] = ["SEXUAL", "FORCED_LABOUR", "_U"],
        ["CITIZENSHIP"] = ["NATIONAL", "FOREIGN", "_U"],
    };

    [Theory]
    [InlineData(1, 600)]
    [InlineData(2, 600)]
    [InlineData(3, 300)]
    [InlineData(4, 300)]
    public void Every_small_count_of_a_random_table_keeps_enough_values(int dimensions, int tables)
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var (indicator, data) = RandomTable(random, dimensions);
            var scenario = new DisclosureScenario(indicator);

            var outcome = scenario.Publish(data);

            AssertProtected(scenario, data, $"seed {seed}");
            Assert.Equal(Withheld(outcome), Withheld(new DisclosureScenario(indicator).Publish(data)));
        }, iter: tables, threads: 1);
    }

    [Fact]
    public void The_range_reported_for_a_count_the_integer_program_settled_is_exact()
    {
        var checkedCounts = 0;
        Gen.Int.Sample(seed =>
        {
            var (indicator, data) = RandomTable(new Random(seed), 4);
            var scenario = new DisclosureScenario(indicator);
            scenario.Publish(data);
            checkedCounts += scenario.CheckExactRanges(margin: 10);
        }, iter: 100, threads: 1);
        // Random four-dimensional tables send some counts to the integer program; a run that checked none proves nothing.
        Assert.True(checkedCounts > 0, "No count was settled by the integer program.");
    }

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 300)]
    [InlineData(3, 100)]
    [InlineData(4, 100)]
    public void Every_small_count_of_both_versions_keeps_enough_values_after_a_revision(int dimensions, int tables)
    {
        var refused = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var (indicator, first) = RandomTable(random, dimensions, out var cells);
            var scenario = new DisclosureScenario(indicator);
            scenario.Publish(first);

            // The correction changes one to three parts; the totals follow.
            foreach (var _ in Enumerable.Range(0, random.Next(1, 4)))
            {
                var key = cells.Keys.ElementAt(random.Next(cells.Count));
                cells[key] = DrawCount(random);
            }
            var second = Build(indicator, dimensions, cells);
            SuppressionOutcome outcome;
            try
            {
                outcome = scenario.Publish(second);
            }
            catch (DisclosureControlException)
            {
                // Some revisions cannot be protected by withholding (see the test below): the compile stops, nothing of
                // the version is published, and the first version's protection stands.
                refused++;
                AssertProtected(scenario, first, $"seed {seed}, the revision refused");
                return;
            }

            AssertProtected(scenario, second, $"seed {seed}");
            foreach (var carried in scenario.Outcomes[0].Withheld.Keys.Select(o => o.Key))
            {
                var now = second.Observations.FirstOrDefault(o => o.Key == carried);
                if (now?.Value.Number > 0)
                    Assert.True(outcome.IsSuppressed(carried), $"seed {seed}: {carried} was withheld in version 1 and published in version 2.");
            }
        }, iter: tables, threads: 1);
        // Refusing is safe but stops publication: it must stay the rare case, or the property would hold by refusing.
        Assert.True(refused <= tables / 20, $"{refused} of {tables} revisions were refused.");
    }

    [Fact]
    public void A_revision_that_a_withheld_cells_lower_bound_would_give_away_is_refused_rather_than_published()
    {
        // Version 1: F×Y12T17 = 3 beside F×_U = 0 (published), so F's total and F×Y12T17 are one unknown x, and
        // x + (the _U row's total) = 5: x has the four values 1–4. Version 2 moves 2 from F×Y12T17 to F×_U (now a
        // withheld small count, so at least 1): F's total, still 3 and still withheld, is F×Y12T17 + F×_U ≥ 2, which
        // leaves x three values. Withholding more only adds "at least 1"s, and every other cell linked to x was
        // published by version 1, so no choice of cells protects it: the compile must stop.
        var parts = new Dictionary<string[], long>
        {
            [["F", "Y12T17", "_U"]] = 3, [["F", "_U", "_U"]] = 0, [["_U", "Y12T17", "_U"]] = 0, [["_U", "_U", "_U"]] = 2,
        };
        var scenario = new DisclosureScenario("CT_SMUG_MINORS");
        scenario.Publish(Build("CT_SMUG_MINORS", 3, parts));
        AssertProtected(scenario, Build("CT_SMUG_MINORS", 3, parts), "version 1");

        parts[parts.Keys.First(k => k[0] == "F" && k[1] == "Y12T17")] = 1;
        parts[parts.Keys.First(k => k[0] == "F" && k[1] == "_U")] = 2;
        var exception = Assert.Throws<DisclosureControlException>(() => scenario.Publish(Build("CT_SMUG_MINORS", 3, parts)));
        Assert.Contains("SEX=F|AGE=Y12T17|ACCOMPANIMENT=_U (version v1)", exception.Message);
        Assert.Single(scenario.Outcomes);
    }

    private static void AssertProtected(DisclosureScenario scenario, StateData data, string label)
    {
        Assert.Empty(scenario.WithheldZeros(data));
        foreach (var (cell, value, values) in scenario.AuditIndependently(margin: 10))
            Assert.True(values >= 4, $"{label}: {cell} = {value} has {values} feasible value(s).");
    }

    private static string[] Withheld(Core.Snapshots.Disclosure.SuppressionOutcome outcome) =>
        [.. outcome.Withheld.Keys.Select(o => o.Key).Order(StringComparer.Ordinal)];

    private static (string Indicator, StateData Data) RandomTable(Random random, int dimensions) =>
        RandomTable(random, dimensions, out _);

    private static (string Indicator, StateData Data) RandomTable(Random random, int dimensions, out Dictionary<string[], long> cells)
    {
        var (indicator, names) = Shapes[dimensions - 1];
        // Up to all three part codes per dimension in tables of one or two dimensions, one or two beyond, so that the
        // exhaustive auditor stays quick.
        var widest = dimensions <= 2 ? 3 : 2;
        var codes = names.Select(n => Parts[n].OrderBy(_ => random.Next()).Take(random.Next(1, widest + 1)).ToArray()).ToArray();
        cells = new Dictionary<string[], long>();
        foreach (var combination in Cartesian(codes))
            cells[combination] = DrawCount(random);
        return (indicator, Build(indicator, dimensions, cells));
    }

    // A third zeros, a third small counts (1–4), a third larger.
    private static long DrawCount(Random random) => random.Next(3) switch
    {
        0 => 0,
        1 => random.Next(1, 5),
        _ => random.Next(5, 15),
    };

    /// <summary>The parts and every margin: each cell with any subset of its codes replaced by _T, summed.</summary>
    private static StateData Build(string indicator, int dimensions, Dictionary<string[], long> parts)
    {
        var names = Shapes[dimensions - 1].Dimensions;
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (codes, value) in parts)
        {
            for (var mask = 0; mask < 1 << dimensions; mask++)
            {
                var cell = string.Join(' ', names.Select((n, d) => $"{n}={((mask >> d & 1) == 1 ? "_T" : codes[d])}"));
                sums[cell] = sums.GetValueOrDefault(cell) + value;
            }
        }
        var data = new StateData("ARG");
        foreach (var (cell, value) in sums.OrderBy(s => s.Key, StringComparer.Ordinal))
            data.Count(indicator, cell, value);
        return data;
    }

    private static IEnumerable<string[]> Cartesian(string[][] codes) =>
        codes.Aggregate((IEnumerable<string[]>)[[]], (acc, list) => acc.SelectMany(prefix => list.Select(code => (string[])[.. prefix, code])));
}
