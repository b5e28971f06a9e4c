using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// Indexes a timer-triggered function from its timerTrigger binding (schedule, runOnStartup, useMonitor) and its
/// method: a <see cref="TimerInfo"/> trigger parameter on a six-field NCRONTAB schedule,
/// an optional cancellation token, and nothing or a <see cref="Task"/> as result.
/// </summary>
internal static class TimerTriggerIndexer
{
    public static TimerFunction? Index(MethodInfo method, string name, ParameterInfo trigger, BindingMetadata binding,
        IConfiguration configuration, IndexingProblems problems)
    {
        var valid = true;
        void Fail(string problem)
        {
            problems.Add(method, name, problem);
            valid = false;
        }

        if (trigger.ParameterType != typeof(TimerInfo))
            Fail($"the timer trigger parameter '{trigger.Name}' is a {trigger.ParameterType.Name}; it must be Microsoft.Azure.Functions.Worker.TimerInfo.");

        var bindings = new List<ParameterBinding>();
        var tokenBound = false;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter == trigger)
                bindings.Add(new ParameterBinding(parameter, ParameterSource.Trigger));
            else if (FunctionMethodRules.BindCancellationToken(method, name, parameter, ref tokenBound, problems) is { } token)
                bindings.Add(token);
            else if (parameter.ParameterType == typeof(CancellationToken))
                valid = false;
            else
                Fail($"parameter '{parameter.Name}' cannot be bound; besides the timer information, a timer function takes only a CancellationToken.");
        }

        if (!FunctionMethodRules.CheckReturnsVoidOrTask(method, name, problems))
            valid = false;

        string? expression = null;
        CrontabSchedule? schedule = null;
        try
        {
            expression = SettingExpression.Resolve(binding.Schedule ?? "", configuration).Trim();
            schedule = ParseSchedule(expression);
            if (schedule is null)
                Fail($"the schedule '{expression}' is not an NCRONTAB expression with six fields (second minute hour day month day-of-week), such as \"0 */5 * * * *\".");
        }
        catch (InvalidOperationException ex)
        {
            Fail(ex.Message);
        }

        if (!valid || expression is null || schedule is null)
            return null;
        return new TimerFunction(name, method, bindings, expression, schedule, binding.RunOnStartup ?? false, binding.UseMonitor ?? UseMonitorByDefault(schedule));
    }

    private static CrontabSchedule? ParseSchedule(string expression) =>
        expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            : null;

    // As in the Functions host: when the binding does not set useMonitor, schedules that recur more often than once a
    // minute are not monitored.
    private static bool UseMonitorByDefault(CrontabSchedule schedule)
    {
        var occurrence = schedule.GetNextOccurrence(DateTime.UtcNow);
        var shortest = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var next = schedule.GetNextOccurrence(occurrence);
            shortest = next - occurrence < shortest ? next - occurrence : shortest;
            occurrence = next;
        }
        return shortest >= TimeSpan.FromMinutes(1);
    }
}
