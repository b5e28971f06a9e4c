using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Security;
using Observatory.Core.Tests.InMemory;

namespace Observatory.Core.Tests.Reporting;

/// <summary>Who reports what: the caller's state, the years of the clock, and participation from the registry.</summary>
public class ReportingPolicyTests
{
    private static readonly MemberStateRegistry States = ReferenceDataSet.Default.States;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly ReportingPolicy _policy;

    public ReportingPolicyTests() => _policy = new ReportingPolicy(States, _clock);

    [Fact]
    public void The_years_run_from_1990_to_the_current_year_of_the_clock()
    {
        Assert.Equal(new ReportingYears(1990, 2026), _policy.Years);
        Assert.Equal(2025, _policy.LastFullYear);
        Assert.Equal(2026, _policy.ReadYear("2026").Year);
        Assert.NotNull(_policy.ReadYear("2027").Refusal);
    }

    [Fact]
    public void The_range_moves_at_midnight_UTC_on_new_year_whatever_the_offset_of_the_clock()
    {
        // 20:00 on 31 December in Mexico City is already 1 January in UTC.
        _clock.Now = new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.FromHours(-6));
        Assert.Equal(2027, _policy.Years.Last);
        Assert.Equal(2026, _policy.LastFullYear);

        _clock.Now = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);
        Assert.Equal(2026, _policy.Years.Last);
        Assert.NotNull(_policy.RefuseYear(2027));
    }

    [Theory]
    [InlineData(1989, false)]
    [InlineData(1990, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    [InlineData(int.MinValue, false)]
    [InlineData(int.MaxValue, false)]
    public void A_year_as_a_number_is_held_to_the_same_range(int year, bool accepted)
    {
        Assert.Equal(accepted, _policy.RefuseYear(year) is null);
        if (!accepted) Assert.Equal(_policy.ReadYear("1989").Refusal!.Replace("1989", year.ToString(System.Globalization.CultureInfo.InvariantCulture)), _policy.RefuseYear(year));
    }

    [Fact]
    public void A_focal_point_acts_for_its_own_state_by_default_and_when_it_names_it_any_way()
    {
        var mexico = Caller.FocalPoint("MEX", "key:1");
        Assert.Equal("MEX", _policy.StateFor(mexico, null).State!.Iso3);
        Assert.Equal("MEX", _policy.StateFor(mexico, "  ").State!.Iso3);
        Assert.Equal("MEX", _policy.StateFor(mexico, "México").State!.Iso3);
        Assert.Equal("MEX", _policy.StateFor(mexico, "484").State!.Iso3);
    }

    [Fact]
    public void A_focal_point_naming_another_state_is_forbidden()
    {
        var choice = _policy.StateFor(Caller.FocalPoint("MEX", "key:1"), "ARG");
        Assert.Null(choice.State);
        Assert.Equal(StateRefusal.Forbidden, choice.Refusal);
        Assert.Equal("This key belongs to MEX; it cannot act for ARG.", choice.Detail);
    }

    [Fact]
    public void Staff_act_for_any_state_they_name_and_must_name_one()
    {
        Assert.Equal("ARG", _policy.StateFor(Caller.Admin(), "arg").State!.Iso3);
        var none = _policy.StateFor(Caller.Admin(), null);
        Assert.Equal(StateRefusal.Invalid, none.Refusal);
        Assert.Equal("Give the reporting state: country=MEX.", none.Detail);
    }

    [Fact]
    public void A_name_that_is_no_member_state_is_invalid_for_anyone()
    {
        foreach (var caller in new[] { Caller.Admin(), Caller.FocalPoint("MEX", "key:1") })
        {
            var choice = _policy.StateFor(caller, "Atlantis");
            Assert.Equal(StateRefusal.Invalid, choice.Refusal);
            Assert.Equal("'Atlantis' is not a member state. Give its ISO3 code, e.g. country=MEX.", choice.Detail);
        }
    }

    [Theory]
    [InlineData("NIC", 2023, true)]  // the denunciation took effect on 19 November 2023
    [InlineData("NIC", 2024, false)]
    [InlineData("CUB", 1961, true)]
    [InlineData("CUB", 2010, false)] // the exclusion was lifted in 2009, but Cuba has not taken part since
    [InlineData("MEX", 2025, true)]
    public void Participation_comes_from_the_registry(string iso3, int year, bool takesPart)
    {
        var state = States.FindByIso3(iso3)!;
        Assert.Equal(takesPart, _policy.TakesPart(state, year));
        Assert.Equal(takesPart, _policy.RefuseParticipation(state, year) is null);
    }

    [Fact]
    public void Reporting_is_refused_for_a_year_out_of_range_before_participation_is_asked()
    {
        var mexico = States.FindByIso3("MEX")!;
        Assert.Null(_policy.RefuseReporting(mexico, 2025));
        Assert.Contains("is not a reporting year", _policy.RefuseReporting(mexico, 2030));
        Assert.Equal("Nicaragua does not take part in the observatory for 2025; staff can tell you more.",
            _policy.RefuseReporting(States.FindByIso3("NIC")!, 2025));
    }
}
