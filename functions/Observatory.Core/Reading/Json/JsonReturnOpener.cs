using System.Text.Json;
using Observatory.Core.Problems;

namespace Observatory.Core.Reading.Json;

/// <summary>Opens a JSON return (docs/return-schema.md).</summary>
internal static class JsonReturnOpener
{
    /// <summary>
    /// Parses the whole document with <see cref="JsonDocument"/>: uploads are capped at 25 MB, the document's
    /// properties may come in any order (country and year after the observations), and its pooled buffers are
    /// returned when the result is disposed. Observations are then turned into records one at a time.
    /// </summary>
    public static ParsedReturn Open(Stream content, string? fileName, IColumnResolver resolver, ReturnLimits limits)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException exception)
        {
            content.Dispose();
            return new RecordlessReturn(ReturnFormat.Json, [Malformed(exception)]);
        }
        catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
        {
            content.Dispose();
            return new RecordlessReturn(ReturnFormat.Json, [ReadingProblems.FormatError("reading.format-error.json-unreadable")]);
        }
        // Text that is not valid UTF-8, or past a limit, is reported where it stands, never met later as an exception.
        var documentName = JsonReturn.DocumentName(fileName);
        var problems = JsonTextCheck.Run(document.RootElement, documentName, limits);
        if (problems.Count > 0)
            return new RecordlessReturn(ReturnFormat.Json, problems, statedYear: JsonReturn.SoundYear(document.RootElement, documentName), owned: new DisposableGroup(document, content));
        return JsonReturn.Create(document, fileName, resolver, content, limits.MaxDetailedProblems);
    }

    /// <summary>Where the parser stopped, 1-based, as an editor shows it (the parser counts from 0).</summary>
    private static Problem Malformed(JsonException exception)
    {
        var line = (exception.LineNumber ?? 0) + 1;
        var position = (exception.BytePositionInLine ?? 0) + 1;
        return ReadingProblems.FormatError("reading.format-error.json", null, null, null, null,
            ReadingProblems.Number(line), ReadingProblems.Number(position));
    }
}
