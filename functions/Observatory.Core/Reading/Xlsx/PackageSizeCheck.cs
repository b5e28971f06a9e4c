using System.IO.Compression;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>
/// Checks an xlsx package's zip directory before any part is decompressed: how many parts, how large each one
/// decompresses to, and how large all of them together against the file's own size (a "zip bomb" of a few hundred
/// kilobytes that decompresses to gigabytes is refused here, having cost nothing).
/// </summary>
/// <remarks>
/// The sizes are the ones the zip's directory declares. System.IO.Compression never decompresses an entry past its
/// declared size, so a package that lies about them ends early, as a broken file, and cannot grow past what was checked.
/// </remarks>
internal static class PackageSizeCheck
{
    /// <summary>Throws <see cref="ReturnLimitException"/> when the package goes past a limit; leaves the stream at its start.</summary>
    public static void Run(Stream seekable, ReturnLimits limits)
    {
        var fileSize = seekable.Length;
        var allowed = Math.Max(limits.MinDecompressedAllowanceBytes, SaturatingMultiply(fileSize, limits.MaxCompressionRatio));
        using (var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > limits.MaxPackageParts)
                throw new ReturnLimitException(LimitProblems.TooManyParts(limits.MaxPackageParts));
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxPartBytes)
                    throw new ReturnLimitException(LimitProblems.PartTooLarge(entry.FullName, limits.MaxPartBytes));
                total += entry.Length;
                if (total > allowed)
                    throw new ReturnLimitException(LimitProblems.PackageTooLarge(allowed));
            }
        }
        seekable.Position = 0;
    }

    private static long SaturatingMultiply(long size, int ratio) =>
        size > long.MaxValue / Math.Max(1, ratio) ? long.MaxValue : size * ratio;
}
