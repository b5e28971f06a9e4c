using System.Text;
using Observatory.LocalHost.Discovery;

namespace Observatory.LocalHost;

/// <summary>The list of functions logged at start, in the form Core Tools prints it.</summary>
public static class FunctionListing
{
    /// <summary>
    /// Describes every function on a line of its own: an HTTP function with its methods and URL
    /// ("Ping: [GET] http://127.0.0.1:7071/api/ping"), a queue function with its queue, a timer function with its schedule.
    /// </summary>
    /// <param name="catalog">The functions.</param>
    /// <param name="routePrefix">The HTTP route prefix, without slashes.</param>
    /// <param name="baseAddress">The address the host listens on, such as "http://127.0.0.1:7071".</param>
    public static string Describe(FunctionCatalog catalog, string routePrefix, string baseAddress)
    {
        var text = new StringBuilder("Functions:");
        foreach (var function in catalog.Functions)
        {
            text.AppendLine().AppendLine().Append('\t').Append(function.Name).Append(": ");
            switch (function)
            {
                case HttpFunction http:
                    text.Append('[').Append(http.HttpMethods is null ? "ALL" : string.Join(",", http.HttpMethods)).Append("] ")
                        .Append(baseAddress.TrimEnd('/')).Append('/').Append(http.FullRoute(routePrefix));
                    break;
                case QueueFunction queue:
                    text.Append($"queueTrigger (queue '{queue.QueueName}', connection '{queue.ConnectionName}')");
                    break;
                case TimerFunction timer:
                    text.Append($"timerTrigger (schedule '{timer.ScheduleExpression}'{(timer.RunOnStartup ? ", runs on startup" : "")})");
                    break;
            }
        }
        if (catalog.Functions.Count == 0)
            text.Append(" none were found.");
        return text.ToString();
    }
}
