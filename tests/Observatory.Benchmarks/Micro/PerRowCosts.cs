using System.Text;
using BenchmarkDotNet.Attributes;
using Observatory.Benchmarks.Data;
using Observatory.Core.Domain;
using Observatory.Core.Reading;
using Observatory.Core.Validation;
using Sylvan.Data.Csv;

namespace Observatory.Benchmarks.Micro;

/// <summary>
/// What one row of a csv return costs at each step, on a 10,000-row return held in memory (no disk, no storage): the
/// library's parse, our reader, our reader with validation, and, apart, the least that keeping normalized observations
/// can cost (one duplicate-check entry and one observation per row), to show where the floor of validation lies.
/// </summary>
[MemoryDiagnoser]
public class PerRowCosts
{
    /// <summary>Rows of the return; every benchmark handles all of them once.</summary>
    public const int Rows = 10_000;

    private byte[] _csv = [];
    private ReturnRow[] _rows = [];
    private ReturnValidator _validator = null!;
    private ValidationContext _context = null!;

    /// <summary>Generates the return once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rows = [.. ReturnContent.Rows("MEX", 2025, Rows)];
        _csv = CsvReturnFile.Bytes(_rows);
        _validator = new ReturnValidator(BenchmarkReferenceData.Instance);
        _context = new ValidationContext(BenchmarkReferenceData.Instance.States.FindByIso3("MEX")!, 2025, new Dictionary<string, Observation>());
    }

    /// <summary>Sylvan alone: every field as a string.</summary>
    [Benchmark(Baseline = true)]
    public long SylvanFields()
    {
        using var text = new StreamReader(new MemoryStream(_csv), Encoding.UTF8);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
        long characters = 0;
        while (csv.Read())
            for (var i = 0; i < csv.RowFieldCount; i++) characters += csv.GetString(i).Length;
        return characters;
    }

    /// <summary>Our reader: encoding and separator detection, header location, one record per row.</summary>
    [Benchmark]
    public int ReturnRecords()
    {
        using var parsed = ReturnReader.Open(new MemoryStream(_csv), ReturnFormat.Csv, "return.csv", BenchmarkReferenceData.Instance);
        var records = 0;
        foreach (var _ in parsed.Records) records++;
        return records;
    }

    /// <summary>Our reader with every rule and normalization: the outcome processing stores.</summary>
    [Benchmark]
    public int ValidatedObservations()
    {
        using var parsed = ReturnReader.Open(new MemoryStream(_csv), ReturnFormat.Csv, "return.csv", BenchmarkReferenceData.Instance);
        return _validator.Validate(parsed, _context).Observations.Count;
    }

    /// <summary>
    /// The floor of keeping what validation must keep, with no reading or checking at all: per row, one entry in a
    /// dictionary of cells (the duplicate and additivity checks need one) and one normalized observation.
    /// </summary>
    [Benchmark]
    public int KeptObservationsOnly()
    {
        var cells = new Dictionary<(int, long), int>();
        var observations = new List<Observation>();
        for (var i = 0; i < _rows.Length; i++)
        {
            var row = _rows[i];
            cells.TryAdd((1, i), i);
            observations.Add(new Observation("MEX", 2025, row.Indicator, ReturnContent.Dimensions(row), ObservationValue.Of(row.Value), row.Note, null));
        }
        return observations.Count + cells.Count;
    }
}
