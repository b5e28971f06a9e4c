using System.Text;
using System.Xml;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Sdmx;

/// <summary>
/// structure.xml: the <see cref="SdmxStructure"/> as an SDMX-ML 2.1 structure message (code lists, concept scheme,
/// data structure definition), valid against the SDMX-ML 2.1 schemas.
/// </summary>
internal static class SdmxStructureWriter
{
    private const string Message = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    private const string Structure = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    private const string Common = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    private const string Xml = "http://www.w3.org/XML/1998/namespace";

    public static byte[] Write(SdmxStructure structure, SnapshotRequest request, string messageId)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("mes", "Structure", Message);
            xml.WriteAttributeString("xmlns", "str", null, Structure);
            xml.WriteAttributeString("xmlns", "com", null, Common);

            xml.WriteStartElement("Header", Message);
            xml.WriteElementString("ID", Message, messageId);
            xml.WriteElementString("Test", Message, "false");
            xml.WriteElementString("Prepared", Message, PublishedFormat.Timestamp(PublishedFormat.ToSecond(request.CreatedAt)));
            xml.WriteStartElement("Sender", Message);
            xml.WriteAttributeString("id", SdmxStructure.Agency);
            WriteName(xml, "en", request.Publisher);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Structures", Message);
            WriteCodelists(xml, structure);
            WriteConceptScheme(xml, structure);
            WriteDataStructure(xml, structure, request);
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteCodelists(XmlWriter xml, SdmxStructure structure)
    {
        xml.WriteStartElement("Codelists", Structure);
        foreach (var list in structure.Codelists)
        {
            StartMaintainable(xml, "Codelist", list.Id, structure.Version);
            WriteNames(xml, list.Name);
            foreach (var code in list.Codes)
            {
                xml.WriteStartElement("Code", Structure);
                xml.WriteAttributeString("id", code.Id);
                WriteNames(xml, code.Name);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteConceptScheme(XmlWriter xml, SdmxStructure structure)
    {
        xml.WriteStartElement("Concepts", Structure);
        StartMaintainable(xml, "ConceptScheme", SdmxStructure.ConceptSchemeId, structure.Version);
        WriteNames(xml, new("Concepts of the Observatory's indicators", "Conceptos de los indicadores del Observatorio",
            "Conceitos dos indicadores do Observatório", "Concepts des indicateurs de l'Observatoire"));
        foreach (var component in structure.Components)
        {
            xml.WriteStartElement("Concept", Structure);
            xml.WriteAttributeString("id", component.Id);
            WriteNames(xml, component.Name);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteDataStructure(XmlWriter xml, SdmxStructure structure, SnapshotRequest request)
    {
        xml.WriteStartElement("DataStructures", Structure);
        StartMaintainable(xml, "DataStructure", SdmxStructure.DsdId, structure.Version);
        WriteNames(xml, new($"{request.Title} (data structure)", "Indicadores anuales de los Estados miembros sobre trata y explotación sexual de niñas, niños y adolescentes (estructura de datos)",
            "Indicadores anuais dos Estados membros sobre tráfico e exploração sexual de crianças e adolescentes (estrutura de dados)",
            "Indicateurs annuels des États membres sur la traite et l'exploitation sexuelle des enfants (structure de données)"));
        xml.WriteStartElement("DataStructureComponents", Structure);

        xml.WriteStartElement("DimensionList", Structure);
        xml.WriteAttributeString("id", "DimensionDescriptor");
        var position = 0;
        foreach (var component in structure.Components.Where(c => c.Role is SdmxRole.Dimension or SdmxRole.TimeDimension))
        {
            xml.WriteStartElement(component.Role == SdmxRole.TimeDimension ? "TimeDimension" : "Dimension", Structure);
            xml.WriteAttributeString("id", component.Id);
            xml.WriteAttributeString("position", (++position).ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteConceptIdentity(xml, component, structure.Version);
            WriteRepresentation(xml, component, structure.Version, component.Role == SdmxRole.TimeDimension ? "ObservationalTimePeriod" : null);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("AttributeList", Structure);
        xml.WriteAttributeString("id", "AttributeDescriptor");
        foreach (var component in structure.Components.Where(c => c.Role == SdmxRole.Attribute))
        {
            xml.WriteStartElement("Attribute", Structure);
            xml.WriteAttributeString("id", component.Id);
            xml.WriteAttributeString("assignmentStatus", component.Mandatory ? "Mandatory" : "Conditional");
            WriteConceptIdentity(xml, component, structure.Version);
            WriteRepresentation(xml, component, structure.Version, "String");
            xml.WriteStartElement("AttributeRelationship", Structure);
            xml.WriteStartElement("PrimaryMeasure", Structure);
            xml.WriteStartElement("Ref");
            xml.WriteAttributeString("id", SdmxStructure.ObsValue);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("MeasureList", Structure);
        xml.WriteAttributeString("id", "MeasureDescriptor");
        var measure = structure.Components.Single(c => c.Role == SdmxRole.Measure);
        xml.WriteStartElement("PrimaryMeasure", Structure);
        xml.WriteAttributeString("id", measure.Id);
        WriteConceptIdentity(xml, measure, structure.Version);
        WriteRepresentation(xml, measure, structure.Version, "String");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void StartMaintainable(XmlWriter xml, string element, string id, string version)
    {
        xml.WriteStartElement(element, Structure);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("agencyID", SdmxStructure.Agency);
        xml.WriteAttributeString("version", version);
        xml.WriteAttributeString("isFinal", "true");
    }

    private static void WriteConceptIdentity(XmlWriter xml, SdmxComponent component, string version)
    {
        xml.WriteStartElement("ConceptIdentity", Structure);
        xml.WriteStartElement("Ref");
        xml.WriteAttributeString("id", component.Id);
        xml.WriteAttributeString("maintainableParentID", SdmxStructure.ConceptSchemeId);
        xml.WriteAttributeString("maintainableParentVersion", version);
        xml.WriteAttributeString("agencyID", SdmxStructure.Agency);
        xml.WriteAttributeString("package", "conceptscheme");
        xml.WriteAttributeString("class", "Concept");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The code list of a coded component, or the text type of another.</summary>
    private static void WriteRepresentation(XmlWriter xml, SdmxComponent component, string version, string? textType)
    {
        if (component.Codelist is null && textType is null)
            return;
        xml.WriteStartElement("LocalRepresentation", Structure);
        if (component.Codelist is { } codelist)
        {
            xml.WriteStartElement("Enumeration", Structure);
            xml.WriteStartElement("Ref");
            xml.WriteAttributeString("id", codelist);
            xml.WriteAttributeString("version", version);
            xml.WriteAttributeString("agencyID", SdmxStructure.Agency);
            xml.WriteAttributeString("package", "codelist");
            xml.WriteAttributeString("class", "Codelist");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteStartElement("TextFormat", Structure);
            xml.WriteAttributeString("textType", textType);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteNames(XmlWriter xml, LocalizedText name)
    {
        WriteName(xml, "en", name.En);
        WriteName(xml, "es", name.Es);
        WriteName(xml, "pt", name.Pt);
        WriteName(xml, "fr", name.Fr);
    }

    private static void WriteName(XmlWriter xml, string language, string text)
    {
        xml.WriteStartElement("Name", Common);
        xml.WriteAttributeString("xml", "lang", Xml, language);
        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
