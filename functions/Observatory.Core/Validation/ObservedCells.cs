namespace Observatory.Core.Validation;

/// <summary>A cell of the return: an indicator (by its position in the catalog) and its packed breakdown.</summary>
/// <param name="Indicator">The indicator's position in <see cref="ValidationCatalog.Indicators"/>.</param>
/// <param name="Breakdown">One code number per dimension, a byte each, in the indicator's dimension order.</param>
internal readonly record struct CellKey(int Indicator, long Breakdown);

/// <summary>Where a cell was written and what it holds, for the checks across rows.</summary>
/// <param name="Sheet">The sheet of its row.</param>
/// <param name="Row">Its row.</param>
/// <param name="ValueColumn">The column of its value.</param>
/// <param name="ValueText">The value as written.</param>
/// <param name="Number">The count; null for a coded value or a value that is wrong.</param>
internal readonly record struct CellRecord(string Sheet, int Row, string ValueColumn, string ValueText, long? Number);

/// <summary>
/// An additive group: the cells of one indicator that differ only along one dimension. <see cref="Total"/>
/// is the breakdown of the group's total (that dimension at _T), which is also the key of the total's cell.
/// </summary>
/// <param name="Indicator">The indicator's position in the catalog.</param>
/// <param name="Position">The position of the dimension the parts differ along.</param>
/// <param name="Total">The packed breakdown of the total cell.</param>
internal readonly record struct GroupKey(int Indicator, int Position, long Total);

/// <summary>The running sum of a group's parts.</summary>
internal struct GroupSum
{
    /// <summary>The sum of the parts, saturating at <see cref="long.MaxValue"/>.</summary>
    public long Sum;

    /// <summary>How many parts were seen.</summary>
    public int Parts;

    /// <summary>True when an unknown (_U) part was given.</summary>
    public bool HasUnknown;

    /// <summary>True when a part's value is wrong, so the sum says nothing.</summary>
    public bool Incomplete;

    /// <summary>Adds a part.</summary>
    public void Add(long? value, bool unknown)
    {
        Parts++;
        HasUnknown |= unknown;
        if (value is not long number)
            Incomplete = true;
        else
            Sum = number > long.MaxValue - Sum ? long.MaxValue : Sum + number;
    }
}
