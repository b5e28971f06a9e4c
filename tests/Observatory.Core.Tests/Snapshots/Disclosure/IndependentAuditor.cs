namespace Observatory.Core.Tests.Snapshots.Disclosure;

/// <summary>A cell of one version as the test sees it: its codes (one per dimension, "_T" for a total), true value and whether it was withheld.</summary>
internal sealed record AuditCell(string[] Codes, long Value, bool Withheld)
{
    public string Key => string.Join('|', Codes);
}

/// <summary>
/// The protection requirement checked by an exhaustive search written apart from the production code, so that the two
/// can disagree: from the cells of every version (true values and what was withheld) it derives the attacker's
/// unknowns (a cell key with a value that no version published) and the additivity relations that hold in the data;
/// then, for every withheld small count and every whole value 1..bound, it decides whether some assignment of all the
/// unknowns (each a whole number in 1..bound) satisfies every relation. The search narrows each unknown's interval from
/// the relations until nothing changes and splits the widest-open interval in two, so a value it calls infeasible is
/// infeasible. Values beyond the bound are not tried, so the count it gives is a lower bound: a small count it finds
/// threshold − 1 values for is protected; one it does not is reported.
/// </summary>
internal sealed class IndependentAuditor
{
    private readonly List<(string Key, long Value)> _unknowns = [];
    private readonly Dictionary<(string, long), int> _unknownIndex = [];
    private readonly List<(List<int> Parts, int Total, long Constant, bool Equal)> _relations = [];
    private readonly long _bound;
    private long _budget;

    public IndependentAuditor(IReadOnlyList<IReadOnlyList<AuditCell>> versions, long bound)
    {
        _bound = bound;
        var published = versions.SelectMany(v => v.Where(c => !c.Withheld)).Select(c => (c.Key, c.Value)).ToHashSet();
        foreach (var cell in versions.SelectMany(v => v).Where(c => !published.Contains((c.Key, c.Value))))
        {
            if (_unknownIndex.TryAdd((cell.Key, cell.Value), _unknowns.Count))
                _unknowns.Add((cell.Key, cell.Value));
        }
        foreach (var version in versions)
            AddRelations(version);
    }

    /// <summary>Whether some search ran out of its budget: its value was then counted as infeasible, so a count may be too low (never too high).</summary>
    public bool Inconclusive { get; private set; }

    /// <summary>The unknowns that are small counts (1 ≤ value &lt; threshold).</summary>
    public IEnumerable<(string Key, long Value)> SmallUnknowns(int threshold) => _unknowns.Where(u => u.Value >= 1 && u.Value < threshold);

    /// <summary>How many distinct feasible values of the unknown (key, value) there are in 1..bound, counted up to <paramref name="enough"/>.</summary>
    public int CountValues(string key, long value, int enough)
    {
        var count = 0;
        // From the true value outwards: feasible values are found first, and the search stops at enough.
        foreach (var candidate in Outwards(value).Where(c => c >= 1 && c <= _bound))
        {
            if (count >= enough)
                break;
            if (Feasible(key, value, candidate))
                count++;
        }
        return count;
    }

    /// <summary>Whether the unknown (key, value) can take <paramref name="candidate"/> (within 1..bound for every unknown).</summary>
    public bool Feasible(string key, long value, long candidate)
    {
        var target = _unknownIndex[(key, value)];
        var low = Enumerable.Repeat(1L, _unknowns.Count).ToArray();
        var high = Enumerable.Repeat(_bound, _unknowns.Count).ToArray();
        low[target] = high[target] = candidate;
        _budget = 1_000_000;
        return Feasible(low, high);
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
                _relations.Add((partIndexes, totalIndex, constant, sum == total.Value));
            }
        }
    }

    // Narrow, then split the unknown with the widest interval still open; both halves together cover it, so the search
    // is exhaustive unless the budget runs out.
    private bool Feasible(long[] low, long[] high)
    {
        if (--_budget < 0)
        {
            Inconclusive = true;
            return false;
        }
        if (!Narrow(low, high))
            return false;
        var split = -1;
        for (var u = 0; u < low.Length; u++)
        {
            if (high[u] > low[u] && (split < 0 || high[u] - low[u] > high[split] - low[split]))
                split = u;
        }
        if (split < 0)
            return true;
        var middle = low[split] + (high[split] - low[split]) / 2;
        var (lowerLow, lowerHigh) = ((long[])low.Clone(), (long[])high.Clone());
        lowerHigh[split] = middle;
        if (Feasible(lowerLow, lowerHigh))
            return true;
        var (upperLow, upperHigh) = ((long[])low.Clone(), (long[])high.Clone());
        upperLow[split] = middle + 1;
        return Feasible(upperLow, upperHigh);
    }

    // Each relation says E = Σ parts + constant − total ≤ 0 (= 0 for an equality). From the least and greatest E the
    // intervals allow, every unknown of the relation is bounded; repeated until no interval changes. False when an
    // interval empties or a relation cannot hold; when every interval is a single value, true means every relation holds.
    private bool Narrow(long[] low, long[] high)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var (parts, total, constant, equal) in _relations)
            {
                long least = constant, greatest = constant;
                foreach (var p in parts)
                {
                    least += low[p];
                    greatest += high[p];
                }
                if (total >= 0)
                {
                    least -= high[total];
                    greatest -= low[total];
                }
                if (least > 0 || (equal && greatest < 0))
                    return false;
                foreach (var p in parts)
                {
                    changed |= Tighten(low, high, p, equal ? high[p] - greatest : low[p], low[p] - least);
                }
                if (total >= 0)
                    changed |= Tighten(low, high, total, least + high[total], equal ? greatest + low[total] : high[total]);
                for (var u = 0; u < low.Length; u++)
                {
                    if (low[u] > high[u])
                        return false;
                }
            }
        }
        while (changed);
        return true;
    }

    private static bool Tighten(long[] low, long[] high, int unknown, long atLeast, long atMost)
    {
        var changed = false;
        if (atLeast > low[unknown])
        {
            low[unknown] = atLeast;
            changed = true;
        }
        if (atMost < high[unknown])
        {
            high[unknown] = atMost;
            changed = true;
        }
        return changed;
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

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var v = from; v <= to; v++)
            yield return v;
    }
}
