using System.Reflection;
using NCrontab;

namespace Observatory.LocalHost.Discovery;

/// <summary>A function triggered on an NCRONTAB schedule.</summary>
public sealed class TimerFunction : FunctionDescriptor
{
    internal TimerFunction(string name, MethodInfo method, IReadOnlyList<ParameterBinding> parameters,
        string scheduleExpression, CrontabSchedule schedule, bool runOnStartup, bool useMonitor)
        : base(name, method, parameters)
    {
        ScheduleExpression = scheduleExpression;
        Schedule = schedule;
        RunOnStartup = runOnStartup;
        UseMonitor = useMonitor;
    }

    /// <inheritdoc />
    public override string TriggerKind => "timerTrigger";

    /// <summary>The schedule as written, with %setting% expressions resolved (six fields, seconds first).</summary>
    public string ScheduleExpression { get; }

    /// <summary>The parsed schedule, evaluated in UTC, or in the zone of WEBSITE_TIME_ZONE when it is set, as the Functions host does.</summary>
    public CrontabSchedule Schedule { get; }

    /// <summary>Whether the function also runs once when the host starts.</summary>
    public bool RunOnStartup { get; }

    /// <summary>
    /// Whether the schedule's status is kept across restarts, so that an occurrence missed while the host was down
    /// runs at the next start (past due), and the function receives the status in <c>TimerInfo.ScheduleStatus</c>.
    /// </summary>
    public bool UseMonitor { get; }
}
