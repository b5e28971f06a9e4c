using Observatory.Core.ReferenceData;
using Observatory.Core.Security;

namespace Observatory.Core.Reporting;

/// <summary>
/// Who reports what: which state a caller acts for, which years can be reported, and whether a state takes part in a
/// year. Every route, the intake, the validator, the templates and the snapshots ask here, so they answer alike.
/// </summary>
/// <remarks>
/// The years run from <see cref="FirstYear"/> to the current calendar year in UTC (the injected clock), for staff and
/// focal points alike: domain.md makes the reporting year a calendar year and sets no other bound. A state takes part
/// in a year when one of its participation periods in the member state registry covers some of it.
/// </remarks>
public sealed class ReportingPolicy
{
    /// <summary>
    /// The earliest reporting year: 1990, the year the Convention on the Rights of the Child entered into force; the
    /// portal's year fields and every earlier check of the pipeline start there.
    /// </summary>
    public const int FirstYear = 1990;

    private readonly MemberStateRegistry _states;
    private readonly TimeProvider _clock;

    /// <summary>Creates the policy over the member state registry and the clock that says which year it is.</summary>
    public ReportingPolicy(MemberStateRegistry states, TimeProvider clock)
    {
        _states = states;
        _clock = clock;
    }

    /// <summary>The years that can be reported now.</summary>
    public ReportingYears Years => new(FirstYear, _clock.GetUtcNow().UtcDateTime.Year);

    /// <summary>
    /// The last full calendar year, whose returns are sent in the current one (domain.md, "Reporting cycle"): the
    /// year of a template when none is asked for, and of the scheduled snapshot.
    /// </summary>
    public int LastFullYear => _clock.GetUtcNow().UtcDateTime.Year - 1;

    /// <summary>Reads a year as the caller wrote it (a query, a route or a body value): missing, a reporting year, or refused.</summary>
    public YearReading ReadYear(string? text) => YearText.Read(text, Years);

    /// <summary>The refusal of <paramref name="year"/> when it is not a reporting year (a year stated in a file, a number in a body); null when it is.</summary>
    public string? RefuseYear(int year)
    {
        var years = Years;
        return years.Contains(year) ? null : years.Refusal(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The state <paramref name="caller"/> acts for: the one <paramref name="country"/> names (a code or a name in any
    /// language), or the caller's own when it is left out. Staff may act for any state, a focal point for its own only.
    /// </summary>
    public StateChoice StateFor(Caller caller, string? country)
    {
        MemberState? state;
        if (string.IsNullOrWhiteSpace(country))
        {
            state = caller.Country is null ? null : _states.FindByIso3(caller.Country);
            if (state is null) return new StateChoice(null, StateRefusal.Invalid, "Give the reporting state: country=MEX.");
        }
        else if (!_states.TryResolve(country, out state))
        {
            return new StateChoice(null, StateRefusal.Invalid, $"'{country.Trim()}' is not a member state. Give its ISO3 code, e.g. country=MEX.");
        }
        return caller.CanActFor(state.Iso3)
            ? new StateChoice(state, null, null)
            : new StateChoice(null, StateRefusal.Forbidden, $"This key belongs to {caller.Country}; it cannot act for {state.Iso3}.");
    }

    /// <summary>True when <paramref name="state"/> takes part in <paramref name="year"/>: a participation period covers some of it.</summary>
    public bool TakesPart(MemberState state, int year) => state.ParticipatedIn(year);

    /// <summary>The refusal of a state-year the state does not take part in; null when it does.</summary>
    public string? RefuseParticipation(MemberState state, int year) => TakesPart(state, year)
        ? null
        : $"{state.Names.En} does not take part in the observatory for {year}; staff can tell you more.";

    /// <summary>
    /// The refusal of reporting <paramref name="year"/> for <paramref name="state"/>: not a reporting year, or one the
    /// state does not take part in; null when it may be reported.
    /// </summary>
    public string? RefuseReporting(MemberState state, int year) => RefuseYear(year) ?? RefuseParticipation(state, year);
}
