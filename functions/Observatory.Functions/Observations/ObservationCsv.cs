using System.Text;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;

namespace Observatory.Functions.Observations;

/// <summary>A state's stored observations as CSV: one row per observation, one column per dimension of the catalog.</summary>
public static class ObservationCsv
{
    /// <summary>UTF-8 with a byte-order mark, so spreadsheet programs keep the accents.</summary>
    public static byte[] Write(ObservationSet set, IndicatorCatalog catalog)
    {
        var dimensions = catalog.CodeLists.Where(l => l.IsDimension).Select(l => l.Id).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', ["country", "year", "indicator", .. dimensions, "value", "note", "flag", "submissionId"]).Append("\r\n");
        foreach (var o in set.Observations)
        {
            var byId = o.Dimensions.ToDictionary(d => d.Key, d => d.Value);
            string[] cells = [o.Country, o.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Indicator,
                .. dimensions.Select(d => byId.GetValueOrDefault(d, string.Empty)), o.Value.ToString(), o.Note ?? string.Empty, o.Flag ?? string.Empty, set.SubmissionId];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Quotes where needed, and neutralises cells a spreadsheet would run as a formula.
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
