using Observatory.Core.Domain;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Tests.Snapshots.Disclosure;

/// <summary>
/// Runs disclosure control over one indicator of one state through one or more versions of a year, as the compiler
/// does (each version audited with the earlier ones), and checks the result with the <see cref="IndependentAuditor"/>.
/// </summary>
internal sealed class DisclosureScenario(string indicator, int threshold = 5)
{
    private static readonly CatalogIndex Index = new(TestReferenceData.Catalog);
    private readonly List<EarlierTable> _earlier = [];
    private readonly List<IReadOnlyList<AuditCell>> _published = [];
    private List<Observation> _current = [];

    /// <summary>The outcome of every version so far, oldest first.</summary>
    public List<SuppressionOutcome> Outcomes { get; } = [];

    /// <summary>Compiles the next version from <paramref name="data"/>.</summary>
    public SuppressionOutcome Publish(StateData data)
    {
        var cells = data.Observations.Where(o => o.Indicator == indicator).ToList();
        _current = cells;
        var definition = TestReferenceData.Indicator(indicator);
        var outcome = DisclosureControl.Apply(definition, cells, Index, threshold, [.. _earlier]);
        var table = CellTable.Create(definition, cells, Index);
        _earlier.Add(new EarlierTable($"v{_earlier.Count + 1}", table, [.. table.Cells.Select(outcome.IsSuppressed)]));
        _published.Add([.. cells.Select(c => new AuditCell([.. c.Dimensions.Select(d => d.Value)], c.Value.Number!.Value, outcome.IsSuppressed(c)))]);
        Outcomes.Add(outcome);
        return outcome;
    }

    /// <summary>
    /// Every withheld small count of every version with the number of whole values the exhaustive auditor finds for
    /// it, counted up to threshold − 1; values are tried up to the largest in the data plus <paramref name="margin"/>.
    /// </summary>
    public IReadOnlyList<(string Cell, long Value, int Values)> AuditIndependently(long margin)
    {
        var bound = _published.SelectMany(v => v).Max(c => c.Value) + margin;
        var auditor = new IndependentAuditor(_published, bound);
        return [.. auditor.SmallUnknowns(threshold).Select(u => (u.Key, u.Value, auditor.CountValues(u.Key, u.Value, threshold - 1)))];
    }

    /// <summary>
    /// Checks the smallest and largest values that the last version's audit reports for the counts it settled with the
    /// integer program (exact, by its contract) against the exhaustive auditor: the smallest is feasible and the one
    /// below it is not; the largest (when it is below the auditor's bound, the data's largest value plus
    /// <paramref name="margin"/>) is feasible and the one above it is not. Returns how many counts it checked.
    /// </summary>
    public int CheckExactRanges(long margin)
    {
        var bound = _published.SelectMany(v => v).Max(c => c.Value) + margin;
        var auditor = new IndependentAuditor(_published, bound);
        var current = _current.ToDictionary(c => c.Key, c => string.Join('|', c.Dimensions.Select(d => d.Value)));
        var checkedCounts = 0;
        foreach (var audit in Outcomes[^1].Audits.Where(a => a.Method == AuditMethod.IntegerProgram && current.ContainsKey(a.Cell)))
        {
            var key = current[audit.Cell];
            Assert.True(auditor.Feasible(key, audit.Value, audit.Lowest), $"{audit.Cell}: the smallest value reported, {audit.Lowest}, is not feasible.");
            Assert.True(audit.Lowest == 1 || !auditor.Feasible(key, audit.Value, audit.Lowest - 1), $"{audit.Cell}: {audit.Lowest - 1} is feasible, below the smallest value reported.");
            if (audit.Highest is { } highest && highest < bound)
            {
                Assert.True(auditor.Feasible(key, audit.Value, highest), $"{audit.Cell}: the largest value reported, {highest}, is not feasible.");
                Assert.False(auditor.Feasible(key, audit.Value, highest + 1), $"{audit.Cell}: {highest + 1} is feasible, above the largest value reported.");
            }
            Assert.False(auditor.Inconclusive, $"{audit.Cell}: the exhaustive auditor ran out of budget.");
            checkedCounts++;
        }
        return checkedCounts;
    }

    /// <summary>The cells of the last version that were published with a value of zero but withheld, which must never happen.</summary>
    public IEnumerable<Observation> WithheldZeros(StateData data) =>
        data.Observations.Where(o => o.Indicator == indicator && o.Value.Number == 0 && Outcomes[^1].IsSuppressed(o));
}
