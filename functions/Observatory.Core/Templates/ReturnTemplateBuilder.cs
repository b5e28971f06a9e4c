using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Spreadsheets;
using Observatory.Core.Validation;

namespace Observatory.Core.Templates;

/// <summary>
/// Writes the xlsx template of an annual return: an instructions sheet, a data sheet whose header is the catalog's
/// column labels in one language (so the reader recognises it and tells the file's language from it), with one row
/// listed for each cell the state is expected to report, drop-down lists from the catalog, a whole-number rule on
/// counts, last year's accepted values beside the rows, and every cell protected but those meant for input.
/// </summary>
/// <remarks>
/// A template sent back untouched holds no value, so the validator rejects it with one "no data" error; rows left
/// blank beside filled ones are skipped as not reported. An instance is safe to share.
/// </remarks>
public sealed class ReturnTemplateBuilder
{
    private readonly ReferenceDataSet _referenceData;
    private readonly MessageCatalog _messages;

    /// <summary>Creates a builder over the catalog and the template's wording.</summary>
    /// <param name="referenceData">The catalog whose indicators, code lists and column labels the template offers.</param>
    /// <param name="messages">The messages holding the "template.*" texts; <see cref="MessageCatalog.Default"/> when null.</param>
    public ReturnTemplateBuilder(ReferenceDataSet referenceData, MessageCatalog? messages = null)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        _referenceData = referenceData;
        _messages = messages ?? MessageCatalog.Default;
    }

    /// <summary>The content type of the template.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The file name to offer for download: "observatory-return-MEX-2025-es.xlsx".</summary>
    public static string FileName(MemberState state, int year, Language language)
    {
        ArgumentNullException.ThrowIfNull(state);
        return FormattableString.Invariant($"observatory-return-{state.Iso3}-{year}-{language.ToCode()}.xlsx");
    }

    /// <summary>Writes the template of <paramref name="state"/> for <paramref name="year"/> in <paramref name="language"/>.</summary>
    /// <param name="state">The reporting state; its name is written in the template and stated as the file's country.</param>
    /// <param name="year">The reporting year, stated as the file's year.</param>
    /// <param name="language">The language of every label, list and instruction.</param>
    /// <param name="lastYear">The state's accepted observations of <paramref name="year"/> − 1, shown beside the rows; empty when none.</param>
    /// <returns>The xlsx file.</returns>
    public byte[] Build(MemberState state, int year, Language language, IReadOnlyList<Observation> lastYear)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lastYear);
        var catalog = _referenceData.Catalog;
        var texts = new TemplateTexts(_messages, language);
        var rows = TemplateRowPlanner.Plan(catalog, lastYear);
        var layout = new TemplateLayout(catalog, rows.Count);
        var instructionsName = texts.Get("sheet.instructions");
        var dataName = texts.Get("sheet.data");

        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();

            var instructions = workbook.AddNewPart<WorksheetPart>();
            instructions.Worksheet = new InstructionsSheet(catalog, texts).Build(state, year, dataName);
            var data = workbook.AddNewPart<WorksheetPart>();
            data.Worksheet = new DataSheet(catalog, texts, layout).Build(state, year, rows, instructionsName);
            var lists = workbook.AddNewPart<WorksheetPart>();
            var listData = new SheetData();
            var names = ListsSheet.Write(listData, catalog, texts);
            lists.Worksheet = new Worksheet(listData);

            workbook.Workbook = new Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0 }),
                new Sheets(
                    new Sheet { Name = instructionsName, SheetId = 1, Id = workbook.GetIdOfPart(instructions) },
                    new Sheet { Name = dataName, SheetId = 2, Id = workbook.GetIdOfPart(data) },
                    new Sheet { Name = ListsSheet.Name, SheetId = 3, Id = workbook.GetIdOfPart(lists), State = SheetStateValues.Hidden }),
                new DefinedNames(names));
        }
        return output.ToArray();
    }
}
