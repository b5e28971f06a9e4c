using Observatory.Core.Languages;
using Observatory.Core.Problems;

namespace Observatory.Core.Reading;

/// <summary>A return that yields no records: a file that could not be read, or one without a header.</summary>
internal sealed class RecordlessReturn : ParsedReturn
{
    private readonly IDisposable? _owned;

    public RecordlessReturn(ReturnFormat format, IReadOnlyList<Problem> problems, StatedValue? statedCountry = null, StatedValue? statedYear = null, IDisposable? owned = null)
    {
        Format = format;
        Problems = problems;
        StatedCountry = statedCountry;
        StatedYear = statedYear;
        _owned = owned;
    }

    public override ReturnFormat Format { get; }

    public override Language? HeaderLanguage => null;

    public override StatedValue? StatedCountry { get; }

    public override StatedValue? StatedYear { get; }

    public override IReadOnlyList<Problem> Problems { get; }

    public override IEnumerable<ReturnRecord> Records => [];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _owned?.Dispose();
    }
}
