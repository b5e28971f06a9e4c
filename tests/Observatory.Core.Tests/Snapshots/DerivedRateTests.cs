using Observatory.Core.Snapshots.Disclosure;
using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>CT_VICT_DET_RATE = CT_VICT_DET (all _T) / POP_U18 (_T) × 100,000, following its numerator's suppression.</summary>
public class DerivedRateTests
{
    private static readonly CatalogIndex Index = new(TestReferenceData.Catalog);

    [Fact]
    public void The_rate_is_the_total_count_per_100000_children_rounded_half_away_from_zero_to_two_decimals()
    {
        // 150 / 40,000,000 × 100,000 = 0.375 → 0.38.
        var rows = Build(new StateData("MEX").Count("CT_VICT_DET", "SEX=F", 90).Count("CT_VICT_DET", "SEX=M", 60).Count("CT_VICT_DET", "", 150)
            .Count("POP_U18", "SEX=F", 19_000_000).Count("POP_U18", "", 40_000_000));

        var rate = Assert.Single(rows, r => r.Indicator.Code == "CT_VICT_DET_RATE");

        Assert.Equal(0.38m, rate.Number);
        Assert.Equal(2, rate.Decimals);
        Assert.Null(rate.Flag);
        Assert.Equal(IndicatorUnits.Per100000PopU18, rate.Indicator.Unit);
        Assert.Same(rows[^1], rate); // derived indicators come last in the catalog, so last in the state's rows
    }

    [Fact]
    public void The_rate_is_published_without_a_value_when_its_numerator_is_a_small_count()
    {
        var rows = Build(new StateData("BRA").Count("CT_VICT_DET", "", 3).Count("POP_U18", "", 50_000_000));

        var rate = Assert.Single(rows, r => r.Indicator.Code == "CT_VICT_DET_RATE");

        Assert.Null(rate.Number);
        Assert.Equal(FlagCodes.Suppressed, rate.Flag);
    }

    [Fact]
    public void The_rate_is_withheld_when_its_numerator_is_withheld_by_secondary_suppression()
    {
        // An earlier version published F 0, M 7, _T 7. Now F 3, M 7, _T 10: M's value is already public, so the
        // total is withheld to protect F, and the rate would give the total back.
        var earlier = new StateData("BRA").Count("CT_VICT_DET", "SEX=F", 0).Count("CT_VICT_DET", "SEX=M", 7).Count("CT_VICT_DET", "", 7);
        var history = new PublishedHistory([new PublishedVersion("20260301T060000Z",
            new Dictionary<string, PublishedState> { ["BRA"] = new("sub-1", new HashSet<string>()) })]);
        history.AddData("sub-1", earlier.Observations);
        var set = new StateData("BRA").Count("CT_VICT_DET", "SEX=F", 3).Count("CT_VICT_DET", "SEX=M", 7).Count("CT_VICT_DET", "", 10)
            .Count("POP_U18", "", 1_000_000).ToSet();

        var rows = StateTable.Build(set, TestReferenceData.States.All.Single(s => s.Iso3 == "BRA"), Index, 5, history).Rows;

        Assert.True(Assert.Single(rows, r => r.Indicator.Code == "CT_VICT_DET" && r.Dimensions[0] == CodeList.Total).IsSuppressed);
        var rate = Assert.Single(rows, r => r.Indicator.Code == "CT_VICT_DET_RATE");
        Assert.True(rate.IsSuppressed);
        Assert.Null(rate.Number);
    }

    [Fact]
    public void A_rate_from_an_estimated_population_is_an_estimate()
    {
        var rows = Build(new StateData("MEX").Count("CT_VICT_DET", "", 150).Count("POP_U18", "", 40_000_000, flag: FlagCodes.Estimated));

        Assert.Equal(FlagCodes.Estimated, Assert.Single(rows, r => r.Indicator.Code == "CT_VICT_DET_RATE").Flag);
    }

    [Fact]
    public void There_is_no_rate_unless_both_totals_are_present_and_the_population_is_not_zero()
    {
        Assert.DoesNotContain(Build(new StateData("MEX").Count("CT_VICT_DET", "", 150)), r => r.Indicator.Derived);
        Assert.DoesNotContain(Build(new StateData("MEX").Count("POP_U18", "", 40_000_000)), r => r.Indicator.Derived);
        // Only the parts of the numerator: its total was not reported.
        Assert.DoesNotContain(Build(new StateData("MEX").Count("CT_VICT_DET", "SEX=F", 90).Count("POP_U18", "", 40_000_000)), r => r.Indicator.Derived);
        Assert.DoesNotContain(Build(new StateData("MEX").Count("CT_VICT_DET", "", 150).Count("POP_U18", "", 0)), r => r.Indicator.Derived);
    }

    [Fact]
    public void There_is_no_rate_when_the_catalog_does_not_list_it()
    {
        var catalog = TestReferenceData.Catalog;
        var withoutRate = new IndicatorCatalog(catalog.Version, [.. catalog.Indicators.Where(i => !i.Derived)], catalog.CodeLists, catalog.Columns);
        var data = new StateData("MEX").Count("CT_VICT_DET", "", 150).Count("POP_U18", "", 40_000_000).ToSet();

        var table = StateTable.Build(data, TestReferenceData.States.All.Single(s => s.Iso3 == "MEX"), new CatalogIndex(withoutRate), 5);

        Assert.DoesNotContain(table.Rows, r => r.Indicator.Code == "CT_VICT_DET_RATE");
    }

    [Fact]
    public void A_stored_value_of_a_derived_indicator_is_replaced_by_the_computed_one()
    {
        var set = new StateData("MEX").Count("CT_VICT_DET", "", 150).Count("POP_U18", "", 40_000_000).ToSet();
        set = set with { Observations = [.. set.Observations, new Observation("MEX", 2025, "CT_VICT_DET_RATE", [], ObservationValue.Of(999), null, null)] };

        var table = StateTable.Build(set, TestReferenceData.States.All.Single(s => s.Iso3 == "MEX"), Index, 5);

        Assert.Equal(0.38m, Assert.Single(table.Rows, r => r.Indicator.Code == "CT_VICT_DET_RATE").Number);
        Assert.DoesNotContain("CT_VICT_DET_RATE", table.IndicatorsReported);
    }

    private static IReadOnlyList<PublishedRow> Build(StateData data)
    {
        var set = data.ToSet();
        return StateTable.Build(set, TestReferenceData.States.All.Single(s => s.Iso3 == set.Country), Index, 5).Rows;
    }
}
