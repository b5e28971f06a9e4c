using System.Text.Json;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading.Json;

/// <summary>
/// A parsed JSON return (docs/return-schema.md): each element of "observations" becomes a record whose row is its
/// 1-based index and whose columns are property paths ("value", "dimensions.SEX").
/// </summary>
internal sealed class JsonReturn : ParsedReturn
{
    /// <summary>The sheet name of every record and observation problem.</summary>
    public const string ObservationsSheet = "observations";

    /// <summary>Properties of an observation that name a column directly; the names are the column constants.</summary>
    private static readonly HashSet<string> ObservationColumns = new(
        [ReturnColumn.Indicator, ReturnColumn.Value, ReturnColumn.Note, ReturnColumn.Flag, ReturnColumn.Unit, ReturnColumn.Country, ReturnColumn.Year],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Properties of the document that <c>GET /api/observations</c> adds and a resubmission may carry back.</summary>
    private static readonly HashSet<string> IgnoredDocumentProperties = new(["submissionId", "acceptedAt"], StringComparer.OrdinalIgnoreCase);

    private const string DimensionsProperty = "dimensions";

    private readonly JsonDocument _document;
    private readonly JsonElement _observations;
    private readonly IColumnResolver _resolver;
    private readonly IDisposable _content;
    private readonly List<Problem> _problems;
    private readonly HashSet<string> _reportedUnknown = new(StringComparer.Ordinal);
    private readonly Dictionary<(Severity, string), int> _omitted = [];
    private readonly int _maxProblems;
    private bool _enumerated;

    private JsonReturn(JsonDocument document, JsonElement observations, IColumnResolver resolver, IDisposable content, StatedValue? country, StatedValue? year, List<Problem> problems, int maxProblems)
    {
        _maxProblems = maxProblems;
        _document = document;
        _observations = observations;
        _resolver = resolver;
        _content = content;
        StatedCountry = country;
        StatedYear = year;
        _problems = problems;
    }

    public override ReturnFormat Format => ReturnFormat.Json;

    /// <summary>Always null: a JSON return's property names are the schema's, written in no language.</summary>
    public override Language? HeaderLanguage => null;

    public override StatedValue? StatedCountry { get; }

    public override StatedValue? StatedYear { get; }

    public override IReadOnlyList<Problem> Problems => _problems;

    public override IReadOnlyList<ProblemCount> OmittedProblems => [.. _omitted.Select(o => new ProblemCount(o.Key.Item1, o.Key.Item2, o.Value))];

    /// <summary>Keeps a problem in detail while there are fewer than the limit, else counts it by type.</summary>
    private void AddProblem(Problem problem)
    {
        if (_problems.Count < _maxProblems)
            _problems.Add(problem);
        else
            _omitted[(problem.Severity, problem.Type)] = _omitted.GetValueOrDefault((problem.Severity, problem.Type)) + 1;
    }

    public override IEnumerable<ReturnRecord> Records
    {
        get
        {
            if (_enumerated)
                throw new InvalidOperationException("The records of a return can be read once.");
            _enumerated = true;
            return ReadRecords();
        }
    }

    /// <summary>Reads the document's envelope; the observations are read later, by <see cref="Records"/>.</summary>
    public static ParsedReturn Create(JsonDocument document, string? fileName, IColumnResolver resolver, IDisposable content, int maxProblems)
    {
        var documentName = DocumentName(fileName);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
            return new JsonReturn(document, root, resolver, content, null, null, [], maxProblems);
        if (root.ValueKind != JsonValueKind.Object)
            return Invalid(document, content, ReadingProblems.FormatError("reading.format-error.json-root"));

        var problems = new List<Problem>();
        StatedValue? country = null, year = null;
        JsonElement? observations = null;
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "observations", StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                    return Invalid(document, content, ReadingProblems.FormatError("reading.format-error.json-observations", column: property.Name));
                observations = property.Value;
            }
            else if (string.Equals(property.Name, ReturnColumn.Country, StringComparison.OrdinalIgnoreCase))
            {
                country = Stated(documentName, property, problems);
            }
            else if (string.Equals(property.Name, ReturnColumn.Year, StringComparison.OrdinalIgnoreCase))
            {
                year = Stated(documentName, property, problems);
            }
            else if (!IgnoredDocumentProperties.Contains(property.Name))
            {
                problems.Add(ReadingProblems.ExtraLabel(documentName, null, property.Name, property.Name));
            }
        }
        if (observations is null)
            return Invalid(document, content, ReadingProblems.FormatError("reading.format-error.json-root"));
        return new JsonReturn(document, observations.Value, resolver, content, country, year, problems, maxProblems);
    }

    /// <summary>
    /// The year the document states, when its name and value are sound text: for a document refused for its text
    /// elsewhere (see <see cref="JsonTextCheck"/>), so that an upload without a year parameter still finds it.
    /// </summary>
    public static StatedValue? SoundYear(JsonElement root, string documentName)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in root.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                continue;
            }
            if (!string.Equals(name, ReturnColumn.Year, StringComparison.OrdinalIgnoreCase)) continue;
            return property.Value.ValueKind == JsonValueKind.Number && TryReadScalar(property.Value, out var value)
                ? new StatedValue(documentName, null, new FieldCell(name, value))
                : null;
        }
        return null;
    }

    /// <summary>The name problems of the document's own properties are placed in: the file's name, else "json".</summary>
    public static string DocumentName(string? fileName) => string.IsNullOrWhiteSpace(fileName) ? "json" : Path.GetFileName(fileName);

    private static RecordlessReturn Invalid(JsonDocument document, IDisposable content, Problem problem) =>
        new(ReturnFormat.Json, [problem], owned: new DisposableGroup(document, content));

    private static StatedValue? Stated(string documentName, JsonProperty property, List<Problem> problems)
    {
        if (!TryReadScalar(property.Value, out var value))
        {
            problems.Add(NotScalar(documentName, null, property.Name));
            return null;
        }
        return value.IsBlank ? null : new StatedValue(documentName, null, new FieldCell(property.Name, value));
    }

    private IEnumerable<ReturnRecord> ReadRecords()
    {
        var row = 0;
        foreach (var observation in _observations.EnumerateArray())
        {
            row++;
            if (observation.ValueKind != JsonValueKind.Object)
            {
                AddProblem(ReadingProblems.FormatError("reading.format-error.json-observation", ObservationsSheet, row, null, null, ReadingProblems.Number(row)));
                continue;
            }
            yield return new ReturnRecord(ObservationsSheet, row, ReadFields(observation, row));
        }
    }

    private Dictionary<string, FieldCell> ReadFields(JsonElement observation, int row)
    {
        var fields = new Dictionary<string, FieldCell>(StringComparer.Ordinal);
        foreach (var property in observation.EnumerateObject())
        {
            if (string.Equals(property.Name, DimensionsProperty, StringComparison.OrdinalIgnoreCase))
                ReadDimensions(property, row, fields);
            else if (ObservationColumns.TryGetValue(property.Name, out var column))
                AddField(fields, row, column, property.Name, property.Value);
            else
                ReportUnknown(row, property.Name);
        }
        // Like a blank cell under a header: the validator reports a missing indicator or value at this row.
        fields.TryAdd(ReturnColumn.Indicator, new FieldCell(ReturnColumn.Indicator, new CellValue(null)));
        fields.TryAdd(ReturnColumn.Value, new FieldCell(ReturnColumn.Value, new CellValue(null)));
        return fields;
    }

    private void ReadDimensions(JsonProperty dimensions, int row, Dictionary<string, FieldCell> fields)
    {
        if (dimensions.Value.ValueKind == JsonValueKind.Null)
            return;
        if (dimensions.Value.ValueKind != JsonValueKind.Object)
        {
            AddProblem(ReadingProblems.FormatError("reading.format-error.json-dimensions", ObservationsSheet, row, dimensions.Name, null, ReadingProblems.Number(row)));
            return;
        }
        foreach (var dimension in dimensions.Value.EnumerateObject())
        {
            var path = dimensions.Name + "." + dimension.Name;
            // A dimension may be named by its id (SEX) or, as in a spreadsheet, by its label (Sexo).
            if (_resolver.TryResolve(dimension.Name, out var column, out _) && !ObservationColumns.Contains(column))
                AddField(fields, row, column, path, dimension.Value);
            else
                ReportUnknown(row, path);
        }
    }

    private void AddField(Dictionary<string, FieldCell> fields, int row, string column, string path, JsonElement element)
    {
        if (fields.TryGetValue(column, out var earlier))
        {
            AddProblem(ReadingProblems.DuplicateLabel(ObservationsSheet, row, path, column, path, earlier.Column, earlier.Column[(earlier.Column.LastIndexOf('.') + 1)..]));
            return;
        }
        if (!TryReadScalar(element, out var value))
        {
            AddProblem(NotScalar(ObservationsSheet, row, path));
            return;
        }
        fields.Add(column, new FieldCell(path, value));
    }

    /// <summary>An unknown property is reported once, at the first observation that has it, not at every row.</summary>
    private void ReportUnknown(int row, string path)
    {
        if (_reportedUnknown.Add(path))
            AddProblem(ReadingProblems.ExtraLabel(ObservationsSheet, row, path, path));
    }

    private static Problem NotScalar(string sheet, int? row, string path) =>
        ReadingProblems.FormatError("reading.format-error.json-not-scalar", sheet, row, path, null, path);

    /// <summary>A text, number, boolean or null as a cell; false for an object or array.</summary>
    private static bool TryReadScalar(JsonElement element, out CellValue value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()?.Trim();
                value = new CellValue(string.IsNullOrEmpty(text) ? null : text);
                return true;
            case JsonValueKind.Number:
                value = element.TryGetDouble(out var number) && double.IsFinite(number)
                    ? new CellValue(element.GetRawText(), number)
                    : new CellValue(element.GetRawText());
                return true;
            case JsonValueKind.True:
                value = new CellValue("true");
                return true;
            case JsonValueKind.False:
                value = new CellValue("false");
                return true;
            case JsonValueKind.Null:
                value = new CellValue(null);
                return true;
            default:
                value = default;
                return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _document.Dispose();
        _content.Dispose();
    }
}
