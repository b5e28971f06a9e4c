using System.Globalization;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>
/// What the validator derives once from the catalog: each indicator's dimensions with their codes
/// numbered (so a cell's breakdown packs into one <see cref="long"/>), and the texts that list accepted
/// values in messages.
/// </summary>
internal sealed class ValidationCatalog
{
    /// <summary>Codes are numbered from 1 in one byte each (0 means "no code"), so at most 255 per list.</summary>
    private const int MaxCodesPerList = 255;

    /// <summary>Eight one-byte slots in a long: at most eight dimensions per indicator.</summary>
    private const int MaxDimensionsPerIndicator = 8;

    private readonly Dictionary<string, IndicatorShape> _byCode = new(StringComparer.Ordinal);

    public ValidationCatalog(ReferenceDataSet referenceData)
    {
        ReferenceData = referenceData;
        var catalog = referenceData.Catalog;

        var dimensions = new Dictionary<string, DimensionShape>(StringComparer.Ordinal);
        foreach (var list in catalog.CodeLists)
        {
            if (list.IsDimension) dimensions.Add(list.Id, new DimensionShape(dimensions.Count, list));
        }
        Dimensions = [.. dimensions.Values];

        var indicators = new List<IndicatorShape>(catalog.Indicators.Count);
        foreach (var indicator in catalog.Indicators)
        {
            if (indicator.Dimensions.Count > MaxDimensionsPerIndicator)
                throw new NotSupportedException($"The indicator {indicator.Code} has more than {MaxDimensionsPerIndicator} dimensions.");
            var own = indicator.Dimensions.Select(id => dimensions.TryGetValue(id, out var d) ? d
                : throw new InvalidDataException($"The indicator {indicator.Code} names the dimension {id}, which is no dimension of the catalog.")).ToArray();
            var foreign = Dimensions.Where(d => !indicator.Dimensions.Contains(d.Id)).ToArray();
            if (!indicator.Derived && !indicator.IsNumeric && (indicator.ValueList is null || !catalog.CodeLists.Any(l => l.Id == indicator.ValueList)))
                throw new InvalidDataException($"The indicator {indicator.Code} has the unit {indicator.Unit}, which is neither NUMBER nor a value list of the catalog.");
            var shape = new IndicatorShape(indicators.Count, indicator, own, foreign);
            indicators.Add(shape);
            _byCode.Add(indicator.Code, shape);
        }
        Indicators = indicators;

        SubmittableCodes = string.Join(", ", catalog.Indicators.Where(i => !i.Derived).Select(i => i.Code));
        ValueLists = catalog.CodeLists.Where(l => !l.IsDimension).ToDictionary(l => l.Id, AcceptedCodes, StringComparer.Ordinal);
    }

    /// <summary>The reference data this was derived from.</summary>
    public ReferenceDataSet ReferenceData { get; }

    /// <summary>Every indicator, numbered in catalog order.</summary>
    public IReadOnlyList<IndicatorShape> Indicators { get; }

    /// <summary>Every dimension of the catalog.</summary>
    public IReadOnlyList<DimensionShape> Dimensions { get; }

    /// <summary>The codes of the indicators that may be submitted, for the unknown-indicator message.</summary>
    public string SubmittableCodes { get; }

    /// <summary>For each value list (TREATY_STATUS, YES_NO), its codes with labels in each language.</summary>
    public IReadOnlyDictionary<string, LocalizedText> ValueLists { get; }

    /// <summary>The shape of the indicator with this code, or null.</summary>
    public IndicatorShape? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>"F (Female), M (Male), …" in each language.</summary>
    internal static LocalizedText AcceptedCodes(CodeList list)
    {
        string In(Languages.Language language) =>
            string.Join(", ", list.Items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Code} ({i.Labels[language]})")));
        return new LocalizedText(In(Languages.Language.En), In(Languages.Language.Es), In(Languages.Language.Pt), In(Languages.Language.Fr));
    }

    /// <summary>A dimension with its codes numbered from 1.</summary>
    internal sealed class DimensionShape
    {
        private readonly Dictionary<string, byte> _numbers = new(StringComparer.Ordinal);

        public DimensionShape(int ordinal, CodeList list)
        {
            if (list.Items.Count > MaxCodesPerList)
                throw new NotSupportedException($"The code list {list.Id} has more than {MaxCodesPerList} codes.");
            Ordinal = ordinal;
            List = list;
            Codes = new string[list.Items.Count + 1];
            for (var i = 0; i < list.Items.Count; i++)
            {
                Codes[i + 1] = list.Items[i].Code;
                _numbers.Add(list.Items[i].Code, (byte)(i + 1));
            }
            // A blank dimension cell means the total, so every dimension needs one.
            Total = _numbers.GetValueOrDefault(CodeList.Total);
            if (Total == 0)
                throw new InvalidDataException($"The dimension {list.Id} has no total code {CodeList.Total}.");
            Unknown = _numbers.GetValueOrDefault(CodeList.Unknown);
            NotApplicable = _numbers.GetValueOrDefault(CodeList.NotApplicable);
            Accepted = AcceptedCodes(list);
        }

        /// <summary>The dimension's position among the catalog's dimensions.</summary>
        public int Ordinal { get; }

        /// <summary>The dimension's id (SEX).</summary>
        public string Id => List.Id;

        /// <summary>The code list.</summary>
        public CodeList List { get; }

        /// <summary>Code by number; index 0 is unused.</summary>
        public string[] Codes { get; }

        /// <summary>The number of _T.</summary>
        public byte Total { get; }

        /// <summary>The number of _U, or 0 when the list has none.</summary>
        public byte Unknown { get; }

        /// <summary>The number of _Z, or 0 when the list has none.</summary>
        public byte NotApplicable { get; }

        /// <summary>The accepted codes with their labels, in each language.</summary>
        public LocalizedText Accepted { get; }

        /// <summary>The number of <paramref name="code"/>, or 0 when it is not in the list.</summary>
        public byte NumberOf(string code) => _numbers.GetValueOrDefault(code);
    }

    /// <summary>An indicator with its own dimensions (in catalog order) and the catalog's other dimensions.</summary>
    internal sealed record IndicatorShape(int Index, Indicator Indicator, DimensionShape[] Dimensions, DimensionShape[] ForeignDimensions)
    {
        /// <summary>The slot of <paramref name="position"/> in a packed breakdown.</summary>
        public static int Shift(int position) => position * 8;

        /// <summary>The code number of dimension <paramref name="position"/> in a packed breakdown.</summary>
        public static byte CodeAt(long packed, int position) => (byte)(packed >> Shift(position));

        /// <summary>A packed breakdown with dimension <paramref name="position"/> set to code number <paramref name="code"/>.</summary>
        public static long WithCode(long packed, int position, byte code) =>
            (packed & ~(0xFFL << Shift(position))) | ((long)code << Shift(position));

        /// <summary>Every dimension of the indicator with its code, in catalog order.</summary>
        public KeyValuePair<string, string>[] Unpack(long packed)
        {
            var pairs = new KeyValuePair<string, string>[Dimensions.Length];
            for (var i = 0; i < pairs.Length; i++)
                pairs[i] = new KeyValuePair<string, string>(Dimensions[i].Id, Dimensions[i].Codes[CodeAt(packed, i)]);
            return pairs;
        }
    }
}
