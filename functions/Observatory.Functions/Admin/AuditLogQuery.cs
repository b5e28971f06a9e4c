using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Audit;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;

namespace Observatory.Functions.Admin;

/// <summary>The filters of GET /api/admin/audit (from, to, country, action, pageSize, continuationToken), each refused with a 400 that says why.</summary>
public static class AuditLogQuery
{
    /// <summary>Entries per page unless asked otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Reads the filters, or the refusal to answer with.</summary>
    public static bool TryRead(IQueryCollection q, MemberStateRegistry states, [NotNullWhen(true)] out AuditQuery? query, [NotNullWhen(false)] out IActionResult? refusal)
    {
        query = null;
        refusal = Refusal(q, states, out var from, out var to, out var country, out var action, out var pageSize);
        if (refusal is not null) return false;
        query = new AuditQuery(from, to, country, action, pageSize, NullIfEmpty(q["continuationToken"]));
        return true;
    }

    private static IActionResult? Refusal(IQueryCollection q, MemberStateRegistry states,
        out DateTimeOffset? from, out DateTimeOffset? to, out string? country, out string? action, out int pageSize)
    {
        country = null;
        action = NullIfEmpty(q["action"]);
        pageSize = DefaultPageSize;
        to = null;
        if (!TryTime(q["from"], out from)) return ApiResults.BadRequest($"'from' must be a time like 2026-03-01T00:00:00Z, not '{q["from"]}'.");
        if (!TryTime(q["to"], out to)) return ApiResults.BadRequest($"'to' must be a time like 2026-04-01T00:00:00Z, not '{q["to"]}'.");
        if (from is not null && to is not null && from >= to) return ApiResults.BadRequest("'from' must be before 'to'.");
        if (!string.IsNullOrEmpty(q["country"]))
        {
            if (!states.TryResolve(q["country"], out var state)) return ApiResults.BadRequest($"'{q["country"]}' is not a member state.");
            country = state.Iso3;
        }
        if (action is not null && !AuditActions.All.Contains(action))
            return ApiResults.BadRequest($"'{action}' is not an audited action; use one of {string.Join(", ", AuditActions.All)}.");
        if (!string.IsNullOrEmpty(q["pageSize"]) && (!int.TryParse(q["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
            return ApiResults.BadRequest($"'pageSize' must be a whole number from 1 to {MaxPageSize}.");
        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) return false;
        time = parsed;
        return true;
    }
}
