using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

public class ParticipationTests
{
    [Theory]
    [InlineData("NIC", 2023, true)]
    [InlineData("NIC", 2024, false)]
    [InlineData("VEN", 2019, true)]
    [InlineData("VEN", 2020, false)]
    [InlineData("CUB", 1961, true)]
    [InlineData("CUB", 1962, true)]
    [InlineData("CUB", 1963, false)]
    [InlineData("CUB", 2009, false)]
    [InlineData("CUB", 2025, false)]
    [InlineData("CAN", 1989, false)]
    [InlineData("CAN", 1990, true)]
    [InlineData("BLZ", 1990, false)]
    [InlineData("BLZ", 1991, true)]
    [InlineData("GUY", 1991, true)]
    [InlineData("BHS", 1981, false)]
    [InlineData("BHS", 1982, true)]
    [InlineData("KNA", 1983, false)]
    [InlineData("KNA", 1984, true)]
    [InlineData("JAM", 1968, false)]
    [InlineData("JAM", 1969, true)]
    [InlineData("MEX", 1948, true)]
    [InlineData("MEX", 1947, false)]
    [InlineData("MEX", 2025, true)]
    [InlineData("USA", 2030, true)]
    public void A_state_took_part_in_the_years_its_periods_cover(string iso3, int year, bool expected) =>
        Assert.Equal(expected, Shipped.States.FindByIso3(iso3)!.ParticipatedIn(year));

    public static TheoryData<string, int> JoiningYears => new()
    {
        { "BRB", 1967 }, { "TTO", 1967 }, { "JAM", 1969 }, { "GRD", 1975 }, { "SUR", 1977 }, { "DMA", 1979 },
        { "LCA", 1979 }, { "ATG", 1981 }, { "VCT", 1981 }, { "BHS", 1982 }, { "KNA", 1984 }, { "CAN", 1990 },
        { "BLZ", 1991 }, { "GUY", 1991 },
    };

    [Theory]
    [MemberData(nameof(JoiningYears))]
    public void Later_members_take_part_from_the_year_they_joined(string iso3, int year)
    {
        var state = Shipped.States.FindByIso3(iso3)!;

        Assert.False(state.ParticipatedIn(year - 1));
        Assert.True(state.ParticipatedIn(year));
        Assert.Equal(year, state.Participation[0].From.Year);
    }

    [Fact]
    public void Founding_members_take_part_from_the_signing_of_the_Charter()
    {
        var later = JoiningYears.Select(row => (string)row[0]).ToHashSet();
        var founders = Shipped.States.All.Where(s => !later.Contains(s.Iso3)).ToList();

        Assert.Equal(21, founders.Count);
        Assert.All(founders, s => Assert.Equal(new DateOnly(1948, 4, 30), s.Participation[0].From));
    }

    [Theory]
    [InlineData("CUB", 1962, 1, 31)]
    [InlineData("VEN", 2019, 4, 27)]
    [InlineData("NIC", 2023, 11, 19)]
    public void States_that_left_have_one_period_ending_on_the_day_they_left(string iso3, int year, int month, int day)
    {
        var state = Shipped.States.FindByIso3(iso3)!;

        var period = Assert.Single(state.Participation);
        Assert.Equal(new DateOnly(year, month, day), period.Until);
        Assert.False(string.IsNullOrWhiteSpace(period.Note));
    }

    [Fact]
    public void Every_other_state_still_takes_part()
    {
        var left = new[] { "CUB", "VEN", "NIC" };
        Assert.All(Shipped.States.All.Where(s => !left.Contains(s.Iso3)), s => Assert.Null(s.Participation[^1].Until));
    }

    [Theory]
    [InlineData(2000, 2001, 2000, true)]
    [InlineData(2000, 2001, 2001, true)]
    [InlineData(2000, 2005, 1999, false)]
    [InlineData(2000, 2005, 2006, false)]
    [InlineData(2000, null, 2100, true)]
    public void A_period_covers_a_year_when_any_day_of_it_falls_inside(int fromYear, int? untilYear, int year, bool expected)
    {
        var period = new ParticipationPeriod(
            new DateOnly(fromYear, 12, 31),
            untilYear is { } u ? new DateOnly(u, 1, 1) : null,
            null);

        Assert.Equal(expected, period.Covers(year));
    }
}
