using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading;

/// <summary>Opens a return in any supported format.</summary>
public static class ReturnReader
{
    /// <summary>
    /// The format of a file from its content type, name and first bytes; null when it is none of
    /// xlsx, csv or json. The bytes win over a wrong content type (an xlsx sent as octet-stream).
    /// </summary>
    public static ReturnFormat? DetectFormat(string? contentType, string? fileName, ReadOnlySpan<byte> head) => throw new NotImplementedException();

    /// <summary>Opens <paramref name="content"/> (seekable or not) for reading. The stream is disposed with the result.</summary>
    /// <param name="content">The raw file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="fileName">The file's name, used as the sheet name of a csv.</param>
    /// <param name="referenceData">The catalog whose column aliases locate the header.</param>
    public static ParsedReturn Open(Stream content, ReturnFormat format, string? fileName, ReferenceDataSet referenceData) => throw new NotImplementedException();
}
