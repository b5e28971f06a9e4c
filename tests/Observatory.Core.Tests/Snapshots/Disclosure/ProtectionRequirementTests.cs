using Observatory.Core.Snapshots;

namespace Observatory.Core.Tests.Snapshots.Disclosure;

/// <summary>
/// The tables on which the earlier rule ("a group with one withheld cell withholds one more") let small counts be
/// worked out exactly. Each must now leave every withheld small count at least threshold − 1 (4) whole values, as
/// counted by an exhaustive auditor independent of the production code.
/// </summary>
public class ProtectionRequirementTests
{
    private static readonly string[] Sexes = ["F", "M", "_U", "_T"];
    private static readonly string[] Ages = ["Y0T11", "Y12T17", "_U", "_T"];

    public static TheoryData<string, long[,]> CrossTables => new()
    {
        // _U/Y0T11 was 40 − 17 − 21 = 2 from published cells alone.
        { "F[0,7,0] M[14,0,7] _U[2,10,0]", new long[,] { { 0, 7, 0 }, { 14, 0, 7 }, { 2, 10, 0 } } },
        // All four withheld cells were recovered.
        { "F[0,0,8] M[5,8,6] _U[8,1,1]", new long[,] { { 0, 0, 8 }, { 5, 8, 6 }, { 8, 1, 1 } } },
        // F/Y0T11 = 1.
        { "F[1,0,1] M[0,0,2] _U[1,1,10]", new long[,] { { 1, 0, 1 }, { 0, 0, 2 }, { 1, 1, 10 } } },
    };

    [Theory]
    [MemberData(nameof(CrossTables))]
    public void A_sex_by_age_table_with_all_margins_leaves_every_small_count_four_values(string name, long[,] parts)
    {
        var data = new StateData("ARG").Table("CT_VICT_CSE", "SEX", Sexes, "AGE", Ages, WithMargins(parts));
        var scenario = new DisclosureScenario("CT_VICT_CSE");

        scenario.Publish(data);

        var audits = scenario.AuditIndependently(margin: 10);
        Assert.NotEmpty(audits);
        Assert.All(audits, a => Assert.True(a.Values >= 4, $"{name}: {a.Cell} = {a.Value} has {a.Values} feasible value(s)."));
        Assert.Empty(scenario.WithheldZeros(data));
    }

    [Fact]
    public void Two_small_parts_whose_sum_is_known_are_protected_by_withholding_more()
    {
        // SEX only: F 1, M 1, _U 8, _T 10. Withholding F and M alone gives F + M = 2, so F = M = 1.
        var data = new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 1).Count("CT_VICT_CSE", "SEX=M", 1)
            .Count("CT_VICT_CSE", "SEX=_U", 8).Count("CT_VICT_CSE", "", 10);
        var scenario = new DisclosureScenario("CT_VICT_CSE");

        var outcome = scenario.Publish(data);

        Assert.Equal([StateData.KeyOf("CT_VICT_CSE", "SEX=_U")], outcome.SecondaryKeys);
        Assert.All(scenario.AuditIndependently(margin: 10), a => Assert.True(a.Values >= 4, $"{a.Cell} = {a.Value} has {a.Values} value(s)."));
    }

    [Fact]
    public void A_correction_cannot_be_combined_with_the_version_it_corrects()
    {
        // Version 1: F 3, M 10, _T 13; F and M withheld. A correction adds _U 2 and _T 15: publishing M = 10 would
        // give F = 13 − 10 from version 1's total.
        var scenario = new DisclosureScenario("CT_VICT_CSE");
        var first = scenario.Publish(new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 3).Count("CT_VICT_CSE", "SEX=M", 10).Count("CT_VICT_CSE", "", 13));
        var corrected = new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 3).Count("CT_VICT_CSE", "SEX=M", 10)
            .Count("CT_VICT_CSE", "SEX=_U", 2).Count("CT_VICT_CSE", "", 15);

        var second = scenario.Publish(corrected);

        Assert.True(first.IsSuppressed(StateData.KeyOf("CT_VICT_CSE", "SEX=M")));
        Assert.True(second.IsSuppressed(StateData.KeyOf("CT_VICT_CSE", "SEX=M")), "a cell withheld in version 1 stays withheld");
        Assert.Contains(StateData.KeyOf("CT_VICT_CSE", "SEX=M"), second.CarriedKeys);
        Assert.All(scenario.AuditIndependently(margin: 10), a => Assert.True(a.Values >= 4, $"{a.Cell} = {a.Value} has {a.Values} value(s)."));
    }

    [Fact]
    public void A_cell_published_in_an_earlier_version_is_never_chosen_to_protect_a_later_one()
    {
        // Version 1 publishes everything (no small count). Version 2 makes F small; M is unchanged (10, already
        // published), so withholding it would hide nothing: the total, which changed, is withheld instead.
        var scenario = new DisclosureScenario("CT_VICT_CSE");
        scenario.Publish(new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 0).Count("CT_VICT_CSE", "SEX=M", 10).Count("CT_VICT_CSE", "", 10));

        var second = scenario.Publish(new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 10).Count("CT_VICT_CSE", "", 12));

        Assert.False(second.IsSuppressed(StateData.KeyOf("CT_VICT_CSE", "SEX=M")));
        Assert.True(second.IsSuppressed(StateData.KeyOf("CT_VICT_CSE", "")));
        Assert.All(scenario.AuditIndependently(margin: 10), a => Assert.True(a.Values >= 4, $"{a.Cell} = {a.Value} has {a.Values} value(s)."));
    }

    [Fact]
    public void The_independent_auditor_finds_what_withholding_too_little_gives_away()
    {
        // The auditor must be able to fail: F and M withheld with _U and _T published leave F + M = 2, so F = M = 1;
        // and version 1's total with version 2's M = 10 gives F = 3.
        var oneVersion = new IndependentAuditor([[new(["F"], 1, true), new(["M"], 1, true), new(["_U"], 8, false), new(["_T"], 10, false)]], bound: 30);
        Assert.Equal(1, oneVersion.CountValues("F", 1, 4));

        var twoVersions = new IndependentAuditor(
        [
            [new(["F"], 3, true), new(["M"], 10, true), new(["_T"], 13, false)],
            [new(["F"], 3, true), new(["M"], 10, false), new(["_U"], 2, true), new(["_T"], 15, false)],
        ], bound: 30);
        Assert.Equal(1, twoVersions.CountValues("F", 3, 4));
    }

    [Theory]
    [InlineData(1, 5, true)]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(0, 5, false)]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, false)]
    [InlineData(2, 3, true)]
    public void A_lone_protected_count_is_withheld_when_it_is_from_one_to_below_the_threshold(long value, int threshold, bool withheld)
    {
        var scenario = new DisclosureScenario("CT_VICT_CSE", threshold);

        var outcome = scenario.Publish(new StateData("ARG").Count("CT_VICT_CSE", "", value));

        Assert.Equal(withheld, outcome.IsSuppressed(StateData.KeyOf("CT_VICT_CSE", "")));
        Assert.Empty(outcome.SecondaryKeys);
    }

    [Fact]
    public void Indicators_that_do_not_count_victims_are_published_as_they_are()
    {
        var scenario = new DisclosureScenario("CT_PERS_PROS");

        var outcome = scenario.Publish(new StateData("ARG").Count("CT_PERS_PROS", "SEX=F", 2).Count("CT_PERS_PROS", "SEX=M", 40).Count("CT_PERS_PROS", "", 42));

        Assert.Empty(outcome.Withheld);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    public void A_threshold_below_three_is_refused(int threshold)
    {
        var request = new SnapshotRequest(2025, "20260301T060000Z", DateTimeOffset.UnixEpoch, TestReferenceData.Catalog, TestReferenceData.States)
        {
            SuppressionThreshold = threshold,
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(request.Validate);
        Assert.Contains("at least 3", error.Message);
    }

    /// <summary>The parts (rows F, M, _U × columns Y0T11, Y12T17, _U) with the row, column and grand totals added.</summary>
    internal static long[,] WithMargins(long[,] parts)
    {
        var rows = parts.GetLength(0);
        var columns = parts.GetLength(1);
        var table = new long[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                table[r, c] = parts[r, c];
                table[r, columns] += parts[r, c];
                table[rows, c] += parts[r, c];
                table[rows, columns] += parts[r, c];
            }
        }
        return table;
    }
}
