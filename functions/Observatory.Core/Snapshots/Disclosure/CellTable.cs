using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>The cells of one indicator of one state, in row order, with their codes by dimension and their counts.</summary>
internal sealed class CellTable
{
    private CellTable(Indicator indicator, Observation[] cells, string[][] codes, long[] values)
    {
        Indicator = indicator;
        Cells = cells;
        Codes = codes;
        Values = values;
    }

    public Indicator Indicator { get; }

    public int Count => Cells.Length;

    /// <summary>The observations, in row order.</summary>
    public Observation[] Cells { get; }

    /// <summary>Each cell's codes, one per dimension of the indicator, in its order (a missing dimension is _T).</summary>
    public string[][] Codes { get; }

    /// <summary>Each cell's count (a cell without a number counts as zero: it can be neither small nor a part to withhold).</summary>
    public long[] Values { get; }

    public static CellTable Create(Indicator indicator, IReadOnlyList<Observation> cells, CatalogIndex index)
    {
        var dimensions = indicator.Dimensions;
        var rows = cells
            .Select(c => (Cell: c, Codes: CodesOf(c, dimensions), Value: c.Value.Number ?? 0L))
            .ToList();
        // Duplicates are refused by the state table, which sees every indicator.
        rows.Sort((a, b) => CompareCodes(a.Codes, b.Codes, dimensions, index));
        return new CellTable(indicator, [.. rows.Select(r => r.Cell)], [.. rows.Select(r => r.Codes)], [.. rows.Select(r => r.Value)]);
    }

    /// <summary>The codes of <paramref name="cell"/> for <paramref name="dimensions"/>, _T where one is missing.</summary>
    public static string[] CodesOf(Observation cell, IReadOnlyList<string> dimensions)
    {
        var codes = new string[dimensions.Count];
        for (var d = 0; d < dimensions.Count; d++)
        {
            codes[d] = CodeList.Total;
            foreach (var (id, code) in cell.Dimensions)
            {
                if (id == dimensions[d])
                {
                    codes[d] = code;
                    break;
                }
            }
        }
        return codes;
    }

    /// <summary>Orders code tuples dimension by dimension, each as its code list does.</summary>
    public static int CompareCodes(string[] a, string[] b, IReadOnlyList<string> dimensions, CatalogIndex index)
    {
        for (var d = 0; d < dimensions.Count; d++)
        {
            var order = index.CompareCodes(dimensions[d], a[d], b[d]);
            if (order != 0)
                return order;
        }
        return 0;
    }
}
