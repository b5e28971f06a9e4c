using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Tests.Snapshots.Disclosure;

/// <summary>The three steps of the audit of one small count, each on a table where it is the one that decides.</summary>
public class SmallCountAuditorTests
{
    private static readonly CatalogIndex Index = new(TestReferenceData.Catalog);

    [Fact]
    public void A_count_alone_among_unknowns_in_a_relation_is_exposed()
    {
        // F 2 withheld, M 7 and _T 9 published: F = 9 − 7.
        var audit = Audit(new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 7).Count("CT_VICT_CSE", "", 9), ["SEX=F"], "SEX=F");

        Assert.Equal((false, 1, AuditMethod.Exposed), (audit.Protected, audit.ValuesFound, audit.Method));
    }

    [Fact]
    public void A_balanced_direction_proves_a_range_without_the_solver()
    {
        // F 2 and M 9 withheld, _T 11 published: F + 1 and M − 1 keep the total, for F from 1 to 10.
        var audit = Audit(new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 9).Count("CT_VICT_CSE", "", 11), ["SEX=F", "SEX=M"], "SEX=F");

        Assert.Equal((true, AuditMethod.Direction, 1L, (long?)10), (audit.Protected, audit.Method, audit.Lowest, audit.Highest));
    }

    [Fact]
    public void The_integer_program_decides_when_no_direction_gives_enough_values()
    {
        // F 2 and M 2 withheld, _T 4 published: F is 1, 2 or 3, three values, fewer than the four needed.
        var audit = Audit(new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 2).Count("CT_VICT_CSE", "", 4), ["SEX=F", "SEX=M"], "SEX=F");

        Assert.Equal((false, 3, AuditMethod.IntegerProgram, 1L, (long?)3), (audit.Protected, audit.ValuesFound, audit.Method, audit.Lowest, audit.Highest));
    }

    [Fact]
    public void The_integer_program_finds_no_upper_bound_when_the_total_is_withheld_too()
    {
        var data = new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 2).Count("CT_VICT_CSE", "", 4);
        var table = CellTable.Create(TestReferenceData.Indicator("CT_VICT_CSE"), data.Observations, Index);
        var knowledge = AttackerKnowledge.Build(table, []);
        var unknown = knowledge.IsUnknown([.. table.Cells.Select(_ => true)]);

        var audit = IntegerProgram.Audit(knowledge, unknown, knowledge.CurrentNodes[Row(table, "SEX=F")], needed: 4);

        Assert.Equal((true, 1L, (long?)null), (audit.Protected, audit.Lowest, audit.Highest));
    }

    private static CountAudit Audit(StateData data, string[] withheld, string cell)
    {
        var table = CellTable.Create(TestReferenceData.Indicator("CT_VICT_CSE"), data.Observations, Index);
        var knowledge = AttackerKnowledge.Build(table, []);
        var unknown = knowledge.IsUnknown([.. Enumerable.Range(0, table.Count).Select(i => withheld.Any(w => Row(table, w) == i))]);
        return SmallCountAuditor.Audit(knowledge, unknown, knowledge.CurrentNodes[Row(table, cell)], threshold: 5);
    }

    private static int Row(CellTable table, string cell) =>
        Array.FindIndex(table.Cells, c => c.Key == StateData.KeyOf("CT_VICT_CSE", cell));
}
