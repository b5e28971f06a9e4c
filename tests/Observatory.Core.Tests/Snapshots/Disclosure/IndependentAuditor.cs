namespace Observatory.Core.Tests.Snapshots.Disclosure;

/// <summary>A cell of one version as the test sees it: its codes (one per dimension, "_T" for a total), true value and whether it was withheld.</summary>
internal sealed record AuditCell(string[] Codes, long Value, bool Withheld)
{
    public string Key => string.Join('|', Codes);
}

/// <summary>
/// The protection requirement checked by brute force, written apart from the production code so that the two can
/// disagree: from the cells of every version (true values and what was withheld) it derives the attacker's unknowns
/// (a cell key with a value that no version published), the additivity relations that hold in the data, and then, for
/// every withheld small count, searches whole values 1..bound for assignments of all the unknowns that satisfy every
/// relation. Values beyond the bound are not tried, so the count it gives is a lower bound: a small count it finds
/// threshold − 1 values for is protected; one it does not is reported (the tables in the tests are small enough that
/// the bound never hides a value that matters).
/// </summary>
internal sealed class IndependentAuditor
{
    private readonly List<(string Key, long Value)> _unknowns = [];
    private readonly Dictionary<(string, long), int> _unknownIndex = [];
    private readonly List<(List<int> Parts, int Total, long Constant, bool Equal)> _relations = [];
    private readonly List<List<int>> _relationsOf = [];
    private readonly long _bound;
    private long _budget;

    public IndependentAuditor(IReadOnlyList<IReadOnlyList<AuditCell>> versions, long bound)
    {
        _bound = bound;
        var published = versions.SelectMany(v => v.Where(c => !c.Withheld)).Select(c => (c.Key, c.Value)).ToHashSet();
        foreach (var cell in versions.SelectMany(v => v).Where(c => !published.Contains((c.Key, c.Value))))
        {
            if (_unknownIndex.TryAdd((cell.Key, cell.Value), _unknowns.Count))
            {
                _unknowns.Add((cell.Key, cell.Value));
                _relationsOf.Add([]);
            }
        }
        foreach (var version in versions)
            AddRelations(version);
    }

    /// <summary>The unknowns that are small counts (1 ≤ value &lt; threshold).</summary>
    public IEnumerable<(string Key, long Value)> SmallUnknowns(int threshold) => _unknowns.Where(u => u.Value >= 1 && u.Value < threshold);

    /// <summary>How many distinct feasible values of the unknown (key, value) there are in 1..bound, counted up to <paramref name="enough"/>.</summary>
    public int CountValues(string key, long value, int enough)
    {
        var target = _unknownIndex[(key, value)];
        var count = 0;
        // From the true value outwards: feasible values are found first, and the search stops at enough.
        foreach (var candidate in Outwards(value).Where(c => c >= 1 && c <= _bound))
        {
            if (count >= enough)
                break;
            var assignment = new long?[_unknowns.Count];
            assignment[target] = candidate;
            // A candidate whose search runs out of budget counts as not found: the count can only come out too low,
            // which fails a test rather than passing one.
            _budget = 300_000;
            if (Consistent(assignment, target) && Complete(assignment))
                count++;
        }
        return count;
    }

    private void AddRelations(IReadOnlyList<AuditCell> version)
    {
        var dimensions = version.Count == 0 ? 0 : version[0].Codes.Length;
        for (var d = 0; d < dimensions; d++)
        {
            foreach (var group in version.GroupBy(c => string.Join('|', c.Codes.Where((_, i) => i != d))))
            {
                var total = group.FirstOrDefault(c => c.Codes[d] == "_T");
                var parts = group.Where(c => c.Codes[d] != "_T").ToList();
                if (total is null || parts.Count == 0)
                    continue;
                var sum = parts.Sum(p => p.Value);
                if (sum > total.Value)
                    continue;
                // parts − total: unknowns listed, known values folded into the constant.
                var partIndexes = new List<int>();
                long constant = 0;
                foreach (var part in parts)
                {
                    if (_unknownIndex.TryGetValue((part.Key, part.Value), out var u)) partIndexes.Add(u);
                    else constant += part.Value;
                }
                var totalIndex = _unknownIndex.TryGetValue((total.Key, total.Value), out var t) ? t : -1;
                if (totalIndex < 0) constant -= total.Value;
                var relation = _relations.Count;
                _relations.Add((partIndexes, totalIndex, constant, sum == total.Value));
                foreach (var u in partIndexes.Append(totalIndex).Where(i => i >= 0))
                    _relationsOf[u].Add(relation);
            }
        }
    }

    // Depth-first over the unknowns in index order; a relation is checked as soon as its unknowns are all set, and
    // bounded while some are not (each unset unknown is between 1 and the bound).
    private bool Complete(long?[] assignment)
    {
        if (--_budget <= 0)
            return false;
        var next = NextUnknown(assignment);
        if (next < 0)
            return true;
        foreach (var value in Candidates(assignment, next))
        {
            assignment[next] = value;
            if (Consistent(assignment, next) && Complete(assignment))
                return true;
            assignment[next] = null;
        }
        return false;
    }

    // An unknown that an equality forces comes first (its value is then fixed), else the first unset one.
    private int NextUnknown(long?[] assignment)
    {
        var first = -1;
        for (var u = 0; u < assignment.Length; u++)
        {
            if (assignment[u] is not null)
                continue;
            if (first < 0)
                first = u;
            foreach (var r in _relationsOf[u])
            {
                var (parts, total, _, equal) = _relations[r];
                if (equal && parts.Append(total).Count(i => i >= 0 && assignment[i] is null) == 1)
                    return u;
            }
        }
        return first;
    }

    private IEnumerable<long> Outwards(long value)
    {
        for (var step = 0L; step <= _bound + value; step++)
        {
            yield return value + step;
            if (step > 0)
                yield return value - step;
        }
    }

    private IEnumerable<long> Candidates(long?[] assignment, int unknown)
    {
        // An equality whose other unknowns are all set leaves one value.
        foreach (var r in _relationsOf[unknown])
        {
            var (parts, total, constant, equal) = _relations[r];
            var others = parts.Append(total).Where(i => i >= 0 && i != unknown);
            if (!equal || others.Any(i => assignment[i] is null))
                continue;
            var sum = constant + parts.Where(i => i != unknown).Sum(i => assignment[i]!.Value) - (total >= 0 && total != unknown ? assignment[total]!.Value : 0);
            var forced = total == unknown ? sum : -sum;
            return forced >= 1 && forced <= _bound ? [forced] : [];
        }
        return LongRange(1, _bound);
    }

    private bool Consistent(long?[] assignment, int changed)
    {
        foreach (var r in _relationsOf[changed])
        {
            var (parts, total, constant, equal) = _relations[r];
            long low = constant, high = constant;
            foreach (var p in parts)
            {
                low += assignment[p] ?? 1;
                high += assignment[p] ?? _bound;
            }
            if (total >= 0)
            {
                low -= assignment[total] ?? _bound;
                high -= assignment[total] ?? 1;
            }
            // parts − total must be 0 (equal) or at most 0.
            if (low > 0 || (equal && high < 0))
                return false;
        }
        return true;
    }

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var v = from; v <= to; v++)
            yield return v;
    }
}
