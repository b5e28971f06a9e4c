using System.Text;

namespace Observatory.Core.Snapshots.Metadata;

/// <summary>SHA256SUMS: one line per file, "&lt;hex&gt;  &lt;name&gt;", as sha256sum writes it in text mode, so that `sha256sum -c` checks a download.</summary>
internal static class ChecksumsWriter
{
    public static byte[] Write(IEnumerable<SnapshotFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
            text.Append(file.Sha256).Append("  ").Append(file.Name).Append('\n');
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
