using Observatory.Core.Languages;
using Observatory.Core.Problems;

namespace Observatory.Core.Reading;

/// <summary>
/// A return opened for reading: what the file says about itself, the problems found in its header,
/// and its data rows as a stream. <see cref="Records"/> can be enumerated once; dispose when done.
/// </summary>
public abstract class ParsedReturn : IDisposable
{
    /// <summary>The file's format.</summary>
    public abstract ReturnFormat Format { get; }

    /// <summary>The language the header labels are written in, when they settle it; null otherwise.</summary>
    public abstract Language? HeaderLanguage { get; }

    /// <summary>The country the file states in a metadata sheet or property, with where it stands; null when none.</summary>
    public abstract StatedValue? StatedCountry { get; }

    /// <summary>The year the file states in a metadata sheet or property, with where it stands; null when none.</summary>
    public abstract StatedValue? StatedYear { get; }

    /// <summary>
    /// Problems of the file's structure: required columns missing (missing-label), blank, duplicate or
    /// unknown headers (blank-label, duplicate-label, extra-label), an unreadable file. Complete once
    /// <see cref="Records"/> has been enumerated.
    /// </summary>
    public abstract IReadOnlyList<Problem> Problems { get; }

    /// <summary>
    /// Where the header stands in a spreadsheet or csv: its sheet and row number as the spreadsheet shows them; null for
    /// JSON and for a file in which no header was found.
    /// </summary>
    public virtual HeaderPosition? Header => null;

    /// <summary>Problems found beyond those kept in <see cref="Problems"/>, counted by severity and type (a reader keeps a bounded number in detail).</summary>
    public virtual IReadOnlyList<ProblemCount> OmittedProblems => [];

    /// <summary>The data rows, blank rows skipped, read as a stream.</summary>
    public abstract IEnumerable<ReturnRecord> Records { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying stream.</summary>
    protected virtual void Dispose(bool disposing) { }
}

/// <summary>Where a spreadsheet's header stands.</summary>
/// <param name="Sheet">The sheet's name (xlsx) or the file's name (csv).</param>
/// <param name="Row">The header's row number as the spreadsheet shows it.</param>
public sealed record HeaderPosition(string Sheet, int Row);

/// <summary>A value the file states about itself (country, year), with where it stands.</summary>
/// <param name="Sheet">The sheet, file or JSON object it stands in.</param>
/// <param name="Row">Its row number, when it has one.</param>
/// <param name="Cell">The cell.</param>
public sealed record StatedValue(string Sheet, int? Row, FieldCell Cell);
