using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Observatory.Functions.Http;

/// <summary>The file of an upload request, read whole within the size limit.</summary>
public sealed record UploadedFile(ReadOnlyMemory<byte> Content, string? FileName, string? ContentType, IActionResult? Refusal)
{
    /// <summary>
    /// Reads the file from a raw body (its name from the "fileName" query parameter or Content-Disposition) or from
    /// the field "file" of a multipart form. A body over <paramref name="maxBytes"/> is refused with 413 without
    /// being read further.
    /// </summary>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file");
            if (file is null)
                return Refused(ApiResults.BadRequest("The multipart form has no field 'file': send the return as the form field named 'file'."));
            if (file.Length > maxBytes) return TooLarge(maxBytes);
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            return new UploadedFile(buffer.ToArray(), file.FileName, file.ContentType, null);
        }

        var content = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (content is null) return TooLarge(maxBytes);
        var fileName = request.Query["fileName"].ToString();
        if (string.IsNullOrEmpty(fileName) &&
            Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
            fileName = (disposition.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"');
        return new UploadedFile(content, string.IsNullOrEmpty(fileName) ? null : fileName, request.ContentType, null);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static UploadedFile Refused(IActionResult refusal) => new(ReadOnlyMemory<byte>.Empty, null, null, refusal);

    private static UploadedFile TooLarge(long maxBytes) => Refused(ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "File too large",
        $"The file is larger than {maxBytes / (1024 * 1024)} MB. Split it by indicator, or ask staff for a direct upload link."));
}
