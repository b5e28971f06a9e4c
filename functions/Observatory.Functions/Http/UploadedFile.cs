using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Observatory.Functions.Http;

/// <summary>The file of an upload request, read whole within the size limit.</summary>
public sealed record UploadedFile(ReadOnlyMemory<byte> Content, string? FileName, string? ContentType, IActionResult? Refusal)
{
    /// <summary>The most a multipart section's headers may hold (ASP.NET Core's own default).</summary>
    public const int MaxPartHeaderBytes = 16 * 1024;

    private const int ChunkBytes = 81920;

    /// <summary>
    /// Reads the file from a raw body (its name from the "fileName" query parameter or Content-Disposition) or from
    /// the field "file" of a multipart form, streaming it and never holding more than <paramref name="maxBytes"/>:
    /// a body over the limit, with a Content-Length or chunked, is refused with 413 as soon as the limit is passed.
    /// A malformed request (a multipart body with no boundary, truncated, or with part headers over
    /// <see cref="MaxPartHeaderBytes"/>; a body that does not match its Content-Length) is refused with 400.
    /// </summary>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);
        try
        {
            if (request.HasFormContentType) return await ReadFormAsync(request, maxBytes, cancellationToken);

            var content = await ReadLimitedAsync(request.Body, maxBytes, request.ContentLength, cancellationToken);
            if (content is null) return TooLarge(maxBytes);
            if (request.ContentLength is { } declared && declared != content.Length) return LengthMismatch(declared, content.Length);
            var fileName = request.Query["fileName"].ToString();
            if (string.IsNullOrEmpty(fileName) &&
                ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
                fileName = (disposition.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"');
            return new UploadedFile(content, string.IsNullOrEmpty(fileName) ? null : fileName, request.ContentType, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            // The server's own refusal of a short body (BadHttpRequestException is an IOException) and the multipart
            // reader's of a broken form both land here.
            return Refused(ApiResults.BadRequest(
                "The request body could not be read: it ended before its declared length, or its multipart form is broken " +
                $"(no closing boundary, or part headers over {MaxPartHeaderBytes / 1024} KB). Send the file again as the body, or as the form field 'file'."));
        }
    }

    private static async Task<UploadedFile> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Refused(ApiResults.BadRequest("A form upload must be multipart/form-data with the file in the field 'file'; or send the file itself as the body."));
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            return Refused(ApiResults.BadRequest("The multipart form has no valid boundary in its Content-Type (multipart/form-data; boundary=…)."));

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = MaxPartHeaderBytes, HeadersCountLimit = 16 };
        long read = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var isFile = disposition is not null && disposition.IsFileDisposition() && disposition.Name.Value?.Trim('"') == "file";
            var body = await ReadLimitedAsync(section.Body, maxBytes - read, null, cancellationToken);
            if (body is null) return TooLarge(maxBytes);
            read += body.Length;
            if (isFile)
            {
                var fileName = (disposition!.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"');
                // The rest of the form is not needed; the closing boundary is checked by reading on to it.
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } rest)
                {
                    var ignored = await ReadLimitedAsync(rest.Body, maxBytes - read, null, cancellationToken);
                    if (ignored is null) return TooLarge(maxBytes);
                    read += ignored.Length;
                }
                return new UploadedFile(body, string.IsNullOrEmpty(fileName) ? null : fileName, section.ContentType, null);
            }
        }
        return Refused(ApiResults.BadRequest("The multipart form has no field 'file': send the return as the form field named 'file'."));
    }

    /// <summary>The stream's bytes, or null as soon as they pass <paramref name="maxBytes"/> (nothing more is read).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, long? expected, CancellationToken cancellationToken)
    {
        // Sized from the declared length when it is within the limit; a lying one costs at most the limit.
        using var buffer = new MemoryStream(expected is { } size && size > 0 && size <= maxBytes ? (int)size : 0);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static UploadedFile Refused(IActionResult refusal) => new(ReadOnlyMemory<byte>.Empty, null, null, refusal);

    private static UploadedFile LengthMismatch(long declared, long actual) => Refused(ApiResults.BadRequest(
        $"The body has {actual} bytes but its Content-Length says {declared}; the upload was cut short or altered. Send the file again."));

    private static UploadedFile TooLarge(long maxBytes) => Refused(ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "File too large",
        $"The file is larger than {maxBytes / (1024 * 1024)} MB. Split it by indicator, or use a direct upload (POST /api/uploads) for a larger file."));
}
