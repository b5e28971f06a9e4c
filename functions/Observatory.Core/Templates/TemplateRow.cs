using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Templates;

/// <summary>A row the template lists for the state to fill in: one cell of an indicator, with last year's value.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Codes">The code of each of the indicator's dimensions, in its order (_T for the total).</param>
/// <param name="LastYear">The state's accepted value of the year before for this cell, or null.</param>
internal sealed record TemplateRow(Indicator Indicator, IReadOnlyList<string> Codes, ObservationValue? LastYear);

/// <summary>
/// Chooses the rows a template lists: for every indicator a state may submit, its total and each part along one
/// dimension at a time (the others at their total), then every other cell the state reported the year before, so
/// that what it reported then is offered again beside last year's value.
/// </summary>
internal static class TemplateRowPlanner
{
    public static IReadOnlyList<TemplateRow> Plan(IndicatorCatalog catalog, IReadOnlyList<Observation> lastYear)
    {
        var previous = new Dictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var observation in lastYear) previous.TryAdd(observation.Key, observation);

        var rows = new List<TemplateRow>();
        foreach (var indicator in catalog.Indicators.Where(i => !i.Derived))
        {
            var lists = indicator.Dimensions.Select(catalog.GetCodeList).ToArray();
            var planned = new HashSet<string>(StringComparer.Ordinal);
            void Add(string[] codes)
            {
                var key = ObservationKey.Of(indicator.Code, indicator.Dimensions.Zip(codes, KeyValuePair.Create));
                if (!planned.Add(key)) return;
                rows.Add(new TemplateRow(indicator, codes, previous.TryGetValue(key, out var before) ? before.Value : null));
            }

            var totals = lists.Select(_ => CodeList.Total).ToArray();
            Add(totals);
            for (var position = 0; position < lists.Length; position++)
            {
                foreach (var item in lists[position].Items.Where(i => i.Code != CodeList.Total))
                {
                    var codes = (string[])totals.Clone();
                    codes[position] = item.Code;
                    Add(codes);
                }
            }

            // Cells reported last year beyond these (victims by sex and age together), in the catalog's code order.
            var reportedBefore = lastYear
                .Where(o => o.Indicator == indicator.Code && o.Dimensions.Count == lists.Length)
                .Select(o => o.Dimensions.Select(d => d.Value).ToArray())
                .Where(codes => codes.Select((code, i) => lists[i].Contains(code)).All(known => known))
                .OrderBy(codes => codes, new CodeOrder(lists));
            foreach (var codes in reportedBefore) Add(codes);
        }
        return rows;
    }

    /// <summary>Orders cells by the position of their codes in the catalog's lists, dimension by dimension.</summary>
    private sealed class CodeOrder(CodeList[] lists) : IComparer<string[]>
    {
        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < lists.Length; i++)
            {
                var order = Position(i, x![i]).CompareTo(Position(i, y![i]));
                if (order != 0) return order;
            }
            return 0;
        }

        private int Position(int dimension, string code)
        {
            var items = lists[dimension].Items;
            for (var i = 0; i < items.Count; i++)
                if (items[i].Code == code) return i;
            return items.Count;
        }
    }
}
