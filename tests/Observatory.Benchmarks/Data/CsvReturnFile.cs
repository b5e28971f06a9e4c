using System.Globalization;
using System.Text;

namespace Observatory.Benchmarks.Data;

/// <summary>Writes a generated return as a UTF-8 csv file, row by row.</summary>
public static class CsvReturnFile
{
    /// <summary>Writes <paramref name="rows"/> under the header to <paramref name="output"/>, which stays open.</summary>
    public static void Write(Stream output, IEnumerable<ReturnRow> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        writer.Write(string.Join(',', ReturnContent.Header));
        writer.Write("\r\n");
        foreach (var row in rows)
        {
            writer.Write(row.Country);
            writer.Write(',');
            writer.Write(row.Year.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(row.Indicator);
            writer.Write(',');
            writer.Write(row.Sex);
            writer.Write(',');
            writer.Write(row.Age);
            writer.Write(',');
            writer.Write(row.Region);
            writer.Write(',');
            writer.Write(row.District);
            writer.Write(',');
            writer.Write(row.Value.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            // The generated notes hold no separator or quote, so none is quoted.
            writer.Write(row.Note);
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes the file at <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<ReturnRow> rows)
    {
        using var file = File.Create(path);
        Write(file, rows);
    }

    /// <summary>The file's bytes.</summary>
    public static byte[] Bytes(IEnumerable<ReturnRow> rows)
    {
        using var memory = new MemoryStream();
        Write(memory, rows);
        return memory.ToArray();
    }
}
