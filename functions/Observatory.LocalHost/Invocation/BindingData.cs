using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;

namespace Observatory.LocalHost.Invocation;

/// <summary>The trigger's metadata that the worker gives middleware in <c>BindingContext.BindingData</c>.</summary>
internal static class BindingData
{
    /// <summary>
    /// For a request, its route values and its query (as JSON, as the host passes it); for a queue message, its id,
    /// dequeue count, times and pop receipt; nothing for a timer.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Of(TriggerInput input)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        switch (input.TriggerValue)
        {
            case HttpRequest request:
                foreach (var (name, value) in input.RouteValues ?? new Dictionary<string, object?>())
                    data[name] = value;
                data["Query"] = JsonSerializer.Serialize(request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));
                break;
            case QueueMessage message:
                data["Id"] = message.MessageId;
                data["DequeueCount"] = message.DequeueCount;
                data["InsertionTime"] = message.InsertedOn;
                data["ExpirationTime"] = message.ExpiresOn;
                data["NextVisibleTime"] = message.NextVisibleOn;
                data["PopReceipt"] = message.PopReceipt;
                break;
        }
        return data;
    }
}
