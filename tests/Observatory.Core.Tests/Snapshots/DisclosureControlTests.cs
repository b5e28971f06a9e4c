using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>
/// Disclosure control on hand-worked tables (threshold 5 unless stated). Cells are named "SEX=F AGE=Y0T11"; dimensions
/// left out are _T.
/// </summary>
public class DisclosureControlTests
{
    private static readonly CatalogIndex Index = new(TestReferenceData.Catalog);

    [Theory]
    [InlineData(1, 5, true)]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(0, 5, false)]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, false)]
    [InlineData(1, 1, false)]
    public void A_lone_protected_count_is_withheld_when_it_is_from_one_to_below_the_threshold(long value, int threshold, bool withheld)
    {
        var data = new StateData("ARG").Count("CT_VICT_CSE", "", value);

        var outcome = Apply(data, "CT_VICT_CSE", threshold);

        Assert.Equal(withheld, outcome.IsSuppressed(Key("CT_VICT_CSE", "")));
        Assert.Empty(outcome.SecondaryKeys);
    }

    [Fact]
    public void A_small_part_takes_its_only_sibling_with_it_and_leaves_the_total()
    {
        // F 3 | M 9 | _T 12: publishing M would give F as 12 - 9.
        var data = new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 3).Count("CT_VICT_CSE", "SEX=M", 9).Count("CT_VICT_CSE", "", 12);

        var outcome = Apply(data, "CT_VICT_CSE");

        Assert.Equal([Key("CT_VICT_CSE", "SEX=F")], outcome.PrimaryKeys);
        Assert.Equal([Key("CT_VICT_CSE", "SEX=M")], outcome.SecondaryKeys);
        Assert.False(outcome.IsSuppressed(Key("CT_VICT_CSE", "")));
    }

    [Fact]
    public void Secondary_suppression_picks_the_next_smallest_part_and_unknown_counts_as_a_part()
    {
        // F 2 | M 30 | _U 8 | _T 40: the smallest remaining non-zero part is _U (8), not M (30).
        var data = new StateData("ARG")
            .Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 30).Count("CT_VICT_CSE", "SEX=_U", 8).Count("CT_VICT_CSE", "", 40);

        var outcome = Apply(data, "CT_VICT_CSE");

        Assert.Equal([Key("CT_VICT_CSE", "SEX=_U")], outcome.SecondaryKeys);
        Assert.False(outcome.IsSuppressed(Key("CT_VICT_CSE", "SEX=M")));
        Assert.False(outcome.IsSuppressed(Key("CT_VICT_CSE", "")));
    }

    [Fact]
    public void Among_equally_small_parts_the_one_first_in_the_code_list_is_withheld()
    {
        // F 3 | M 9 | _U 9 | _T 21: M and _U tie; M comes first in the SEX list.
        var data = new StateData("ARG")
            .Count("CT_VICT_CSE", "SEX=_U", 9).Count("CT_VICT_CSE", "SEX=M", 9).Count("CT_VICT_CSE", "SEX=F", 3).Count("CT_VICT_CSE", "", 21);

        var outcome = Apply(data, "CT_VICT_CSE");

        Assert.Equal([Key("CT_VICT_CSE", "SEX=M")], outcome.SecondaryKeys);
    }

    [Fact]
    public void One_suppression_forces_another_in_the_crossing_group_until_every_group_is_safe()
    {
        //            Y0T11  Y12T17  _U  _T
        //   F          2*     10     0   12
        //   M          6       8     0   14
        //   _T         8      18     0   26
        // F/Y0T11 is small. Along SEX (AGE = Y0T11) it is alone: withhold M/Y0T11 (6).
        // Along AGE (SEX = F) it is alone: withhold F/Y12T17 (10; F/_U is zero).
        // M/Y0T11 is now alone along AGE (SEX = M): withhold M/Y12T17 (8). Every group then has 0 or 2 withheld.
        var data = new StateData("ARG").Table("CT_VICT_CSE", "SEX", ["F", "M", "_T"], "AGE", ["Y0T11", "Y12T17", "_U", "_T"], new long[,]
        {
            { 2, 10, 0, 12 },
            { 6, 8, 0, 14 },
            { 8, 18, 0, 26 },
        });

        var outcome = Apply(data, "CT_VICT_CSE");

        Assert.Equal([Key("CT_VICT_CSE", "SEX=F AGE=Y0T11")], outcome.PrimaryKeys);
        Assert.Equal(
            [Key("CT_VICT_CSE", "SEX=M AGE=Y0T11"), Key("CT_VICT_CSE", "SEX=F AGE=Y12T17"), Key("CT_VICT_CSE", "SEX=M AGE=Y12T17")],
            outcome.SecondaryKeys);
        foreach (var published in new[] { "SEX=F AGE=_U", "SEX=F", "SEX=M AGE=_U", "SEX=M", "AGE=Y0T11", "AGE=Y12T17", "AGE=_U", "" })
            Assert.False(outcome.IsSuppressed(Key("CT_VICT_CSE", published)), published);
    }

    [Fact]
    public void Zeros_are_published_and_never_chosen_for_secondary_suppression()
    {
        var zeros = new StateData("MEX").Count("CT_VICT_CSE", "SEX=F", 0).Count("CT_VICT_CSE", "SEX=M", 12).Count("CT_VICT_CSE", "", 12);
        Assert.Empty(Apply(zeros, "CT_VICT_CSE").PrimaryKeys);

        // F 2 | M 0 | _T 7 (the parts fall short of the total): no non-zero part is left, so the total is withheld.
        var shortfall = new StateData("MEX").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 0).Count("CT_VICT_CSE", "", 7);
        var outcome = Apply(shortfall, "CT_VICT_CSE");

        Assert.Equal([Key("CT_VICT_CSE", "")], outcome.SecondaryKeys);
        Assert.False(outcome.IsSuppressed(Key("CT_VICT_CSE", "SEX=M")));
    }

    [Fact]
    public void A_group_with_two_small_cells_needs_nothing_more()
    {
        var data = new StateData("ARG").Count("CT_VICT_CSE", "SEX=F", 2).Count("CT_VICT_CSE", "SEX=M", 3).Count("CT_VICT_CSE", "", 5);

        var outcome = Apply(data, "CT_VICT_CSE");

        Assert.Equal(2, outcome.PrimaryCount);
        Assert.Empty(outcome.SecondaryKeys);
    }

    [Fact]
    public void Indicators_that_do_not_count_victims_are_published_as_they_are()
    {
        var data = new StateData("ARG").Count("CT_PERS_PROS", "SEX=F", 2).Count("CT_PERS_PROS", "SEX=M", 40).Count("CT_PERS_PROS", "", 42);

        var outcome = Apply(data, "CT_PERS_PROS");

        Assert.Empty(outcome.PrimaryKeys);
        Assert.Empty(outcome.SecondaryKeys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void After_suppression_no_group_has_a_single_withheld_cell_that_another_could_cover(int seed)
    {
        // A three-way table (SEX × AGE × ACCOMPANIMENT) with consistent totals and many small cells.
        var random = new Random(seed);
        string[] sexes = ["F", "M", "_U"], ages = ["Y0T11", "Y12T17", "_U"], accompaniment = ["UNACCOMPANIED", "_U"];
        var parts = new Dictionary<(string, string, string), long>();
        foreach (var s in sexes)
            foreach (var a in ages)
                foreach (var c in accompaniment)
                    parts[(s, a, c)] = random.Next(0, 4) == 0 ? 0 : random.Next(1, 15);
        var data = new StateData("ARG");
        foreach (var s in sexes.Append("_T"))
            foreach (var a in ages.Append("_T"))
                foreach (var c in accompaniment.Append("_T"))
                {
                    var sum = parts.Where(p => (s == "_T" || p.Key.Item1 == s) && (a == "_T" || p.Key.Item2 == a) && (c == "_T" || p.Key.Item3 == c)).Sum(p => p.Value);
                    data.Count("CT_SMUG_MINORS", $"SEX={s} AGE={a} ACCOMPANIMENT={c}", sum);
                }

        var outcome = Apply(data, "CT_SMUG_MINORS");

        Assert.NotEmpty(outcome.PrimaryKeys);
        var cells = data.Observations.ToDictionary(o => o.Key, o => o.Value.Number!.Value);
        var dimensions = TestReferenceData.Indicator("CT_SMUG_MINORS").Dimensions;
        foreach (var along in dimensions)
        {
            var groups = data.Observations.GroupBy(o => string.Join('|', o.Dimensions.Where(d => d.Key != along).Select(d => d.Value)));
            foreach (var group in groups)
            {
                var withheld = group.Count(o => outcome.IsSuppressed(o.Key));
                var coverable = group.Any(o => !outcome.IsSuppressed(o.Key) && cells[o.Key] > 0);
                Assert.False(withheld == 1 && coverable, $"Group along {along} ({group.Key}) has one withheld cell.");
            }
        }
    }

    private static SuppressionOutcome Apply(StateData data, string indicator, int threshold = 5) =>
        DisclosureControl.Apply(TestReferenceData.Indicator(indicator), [.. data.Observations.Where(o => o.Indicator == indicator)], Index, threshold);

    private static string Key(string indicator, string cell) => StateData.KeyOf(indicator, cell);
}
