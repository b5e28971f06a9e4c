using Google.OrTools.Sat;
using SatDomain = Google.OrTools.Util.Domain;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// The exact part of the audit: the attacker's system as an integer program, solved with CP-SAT (OR-Tools). Whole
/// numbers only, so its answers are exact, not the bounds of a relaxation.
/// </summary>
/// <remarks>
/// <para>
/// Every unknown node of the count's component (the unknowns linked to it through relations) is a whole variable
/// from 1 to <see cref="NoUpperBound"/>; known nodes are constants. A count that can reach half that bound (other
/// unknowns sharing the same cap) has no upper bound the attacker could find.
/// </para>
/// <para>
/// One worker, a fixed seed and a deterministic time limit make every answer reproducible. A solve that stops
/// without an answer counts as "not shown feasible", so a hard case is settled by withholding more, never by luck.
/// </para>
/// </remarks>
internal static class IntegerProgram
{
    /// <summary>A value no count of children reaches; reaching it means "without an upper bound".</summary>
    public const long NoUpperBound = 1_000_000_000;

    private const string Parameters = "num_workers:1,random_seed:7,max_deterministic_time:20";

    /// <summary>
    /// Finds up to <paramref name="needed"/> distinct feasible values of <paramref name="node"/>: first those the
    /// solutions in <paramref name="pool"/> already show, then one feasibility solve each (a value not found yet); with
    /// <paramref name="exactRange"/>, first solves for its smallest and largest feasible values, for the staff's report.
    /// Every solution found is added to the pool.
    /// </summary>
    public static CountAudit Audit(AttackerKnowledge knowledge, bool[] unknown, int node, int needed, bool exactRange = true, SolutionPool? pool = null)
    {
        pool ??= new SolutionPool();
        var component = Component(knowledge, unknown, node);
        var truth = knowledge.Value(node);
        var found = new SortedSet<long>(pool.ValuesOf(node)) { truth };
        long? lowest = null, highest = null;
        if (exactRange)
        {
            // No unknown is below 1, and no part above what one relation with a known total leaves it: a solution
            // already found at either bound proves it without a solve.
            lowest = found.Contains(1) ? 1 : Solve(knowledge, unknown, component, node, Goal.Minimize, [], pool) ?? truth;
            highest = SingleRelationBound(knowledge, unknown, node) is { } bound && found.Contains(bound)
                ? bound
                : Solve(knowledge, unknown, component, node, Goal.Maximize, [], pool) ?? truth;
            found.Add(lowest.Value);
            found.Add(highest.Value);
        }
        while (found.Count < needed && (highest is null || highest - lowest + 1 > found.Count))
        {
            if (Solve(knowledge, unknown, component, node, Goal.Feasible, found, pool) is not { } other)
                break;
            found.Add(other);
        }
        var count = Math.Min(found.Count, needed);
        var top = highest ?? found.Max;
        return new CountAudit(knowledge.Label(node), truth, count >= needed, count, lowest ?? found.Min,
            top >= NoUpperBound / 2 ? null : top, AuditMethod.IntegerProgram);
    }

    private enum Goal { Minimize, Maximize, Feasible }

    /// <summary>
    /// The least of what each relation with a known total in which <paramref name="node"/> is a part leaves it: the
    /// total less the other parts (their values when known, 1 each when not); null when there is no such relation.
    /// </summary>
    private static long? SingleRelationBound(AttackerKnowledge knowledge, bool[] unknown, int node)
    {
        long? bound = null;
        foreach (var index in knowledge.RelationsOf(node))
        {
            var relation = knowledge.Relations[index];
            if (unknown[relation.Total] || Array.IndexOf(relation.Parts, node) < 0)
                continue;
            var others = relation.Parts.Where(p => p != node).Sum(p => unknown[p] ? 1 : knowledge.Value(p));
            var allowed = knowledge.Value(relation.Total) - others;
            if (bound is null || allowed < bound)
                bound = allowed;
        }
        return bound;
    }

    private static long? Solve(AttackerKnowledge knowledge, bool[] unknown, HashSet<int> component, int node, Goal goal, ICollection<long> excluded, SolutionPool pool)
    {
        var model = new CpModel();
        var variables = new Dictionary<int, IntVar>();
        foreach (var n in component.Order())
            variables[n] = model.NewIntVar(1, NoUpperBound, $"n{n}");

        foreach (var relation in RelationsOf(knowledge, component))
        {
            // parts − total, with every known node moved into the constant.
            var terms = new List<LinearExpr>();
            long constant = 0;
            foreach (var part in relation.Parts)
            {
                if (variables.TryGetValue(part, out var v)) terms.Add(v);
                else constant += knowledge.Value(part);
            }
            if (variables.TryGetValue(relation.Total, out var total)) terms.Add(-1 * total);
            else constant -= knowledge.Value(relation.Total);
            var expression = LinearExpr.Sum(terms);
            if (relation.IsEquality) model.Add(expression == -constant);
            else model.Add(expression <= -constant);
        }

        var target = variables[node];
        if (excluded.Count > 0)
            model.AddLinearExpressionInDomain(target, SatDomain.FromValues([.. excluded]).Complement());
        if (goal == Goal.Minimize) model.Minimize(target);
        if (goal == Goal.Maximize) model.Maximize(target);

        var solver = new CpSolver { StringParameters = Parameters };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return null;
        // The solution for every node: the component's unknowns as solved, every other node its true value.
        var solution = new long[knowledge.NodeCount];
        for (var n = 0; n < solution.Length; n++)
            solution[n] = variables.TryGetValue(n, out var variable) ? solver.Value(variable) : knowledge.Value(n);
        pool.Add(solution);
        return solution[node];
    }

    /// <summary>The unknown nodes linked to <paramref name="node"/> through relations (unknowns only carry the link).</summary>
    public static HashSet<int> Component(AttackerKnowledge knowledge, bool[] unknown, int node)
    {
        var component = new HashSet<int> { node };
        var pending = new Stack<int>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            foreach (var index in knowledge.RelationsOf(pending.Pop()))
            {
                foreach (var other in knowledge.Relations[index].Nodes)
                {
                    if (unknown[other] && component.Add(other))
                        pending.Push(other);
                }
            }
        }
        return component;
    }

    /// <summary>Every relation with at least one node of <paramref name="component"/>, each once, in index order.</summary>
    public static IEnumerable<Relation> RelationsOf(AttackerKnowledge knowledge, HashSet<int> component) =>
        component.SelectMany(knowledge.RelationsOf).Distinct().Order().Select(i => knowledge.Relations[i]);
}
