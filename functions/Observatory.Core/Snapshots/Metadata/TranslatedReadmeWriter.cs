using System.Globalization;
using System.Text;
using Observatory.Core.Languages;

namespace Observatory.Core.Snapshots.Metadata;

/// <summary>
/// README.es.md, README.pt.md and README.fr.md: what the data is, how to cite it, the licence, the disclosure rules
/// in outline, the files and how to check them, in Spanish, Portuguese and French. README.md (English) stays the
/// reference: it has the full data dictionary and the exact disclosure rule of the version.
/// </summary>
internal static class TranslatedReadmeWriter
{
    /// <summary>The file name of the README in <paramref name="language"/>.</summary>
    public static string FileName(Language language) => language switch
    {
        Language.Es => SnapshotFileNames.ReadmeEs,
        Language.Pt => SnapshotFileNames.ReadmePt,
        Language.Fr => SnapshotFileNames.ReadmeFr,
        _ => SnapshotFileNames.Readme,
    };

    public static byte[] Write(Language language, SnapshotRequest request, IReadOnlyList<SnapshotFile> written, SnapshotStatistics statistics)
    {
        var t = Texts.For(language);
        var year = PublishedFormat.Year(request.Year);
        var created = PublishedFormat.ToSecond(request.CreatedAt);
        var threshold = request.SuppressionThreshold.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"# {DataCiteWriter.Titles(request)[language]}");
        Line();
        Line(string.Format(CultureInfo.InvariantCulture, t.Version, year, request.Version, PublishedFormat.Timestamp(created), request.Catalog.Version, request.Catalog.MetadataVersion));
        Line();
        Line($"## {t.WhatHeading}");
        Line();
        Line(string.Format(CultureInfo.InvariantCulture, t.What, request.Publisher, year));
        Line();
        Line(string.Format(CultureInfo.InvariantCulture, t.Coverage, statistics.States.ToString(CultureInfo.InvariantCulture), statistics.Rows.ToString(CultureInfo.InvariantCulture)));
        Line();
        Line($"## {t.CiteHeading}");
        Line();
        var homepage = request.Homepage is null ? string.Empty : $" {request.Homepage.AbsoluteUri}";
        Line($"{request.Publisher} ({created.Year.ToString(CultureInfo.InvariantCulture)}). *{DataCiteWriter.Titles(request)[language]}*, {t.VersionWord} {request.Version} [{t.DataSet}]. {request.Publisher}, {request.PublisherAddress}.{homepage} CC BY 4.0.");
        Line();
        Line($"## {t.LicenceHeading}");
        Line();
        Line($"[{SnapshotLicense.Title}]({SnapshotLicense.Url}) ({SnapshotLicense.Id}): {t.Licence}");
        Line();
        Line($"## {t.DisclosureHeading}");
        Line();
        Line(string.Format(CultureInfo.InvariantCulture, t.Disclosure, threshold));
        Line();
        Line($"## {t.FilesHeading}");
        Line();
        Line($"| {t.File} | {t.Size} |");
        Line("| --- | ---: |");
        foreach (var file in written)
            Line($"| {file.Name} | {file.Size.ToString(CultureInfo.InvariantCulture)} |");
        // Written beside this one, after README.md, so their sizes are not known here.
        foreach (var name in new[] { SnapshotFileNames.ReadmeEs, SnapshotFileNames.ReadmePt, SnapshotFileNames.ReadmeFr }.Where(n => written.All(f => f.Name != n)))
            Line($"| {name} | |");
        Line($"| {SnapshotFileNames.DataPackage} | |");
        Line($"| {SnapshotFileNames.Checksums} | |");
        Line();
        Line(t.Files);
        Line();
        Line($"## {t.CheckHeading}");
        Line();
        Line("```");
        Line("sha256sum -c SHA256SUMS");
        Line("```");
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>The texts of one language; {0}… are filled with the values named in each comment.</summary>
    private sealed record Texts(
        string Version, string WhatHeading, string What, string Coverage, string CiteHeading, string VersionWord, string DataSet,
        string LicenceHeading, string Licence, string DisclosureHeading, string Disclosure, string FilesHeading, string File, string Size,
        string Files, string CheckHeading)
    {
        public static Texts For(Language language) => language switch
        {
            Language.Es => Spanish,
            Language.Pt => Portuguese,
            Language.Fr => French,
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "README.md is written in English by ReadmeWriter."),
        };

        // Version: {0} year, {1} version, {2} compiled, {3} catalog version, {4} metadata edition.
        // What: {0} publisher, {1} year. Coverage: {0} states, {1} rows. Disclosure: {0} threshold.
        private static readonly Texts Spanish = new(
            "Año de referencia {0}, versión {1}, compilada el {2}. Catálogo de indicadores versión {3} (metadatos, edición {4}).",
            "Qué es",
            "Los indicadores anuales sobre trata y explotación sexual de niñas, niños y adolescentes que los puntos focales nacionales de los Estados miembros informaron a {0} para {1}: para cada Estado, las cifras de su envío aceptado vigente. Cada fila de las observaciones es una celda publicada: un Estado, un indicador y un código por cada dimensión del indicador (códigos SDMX: `_T` total, `_U` desconocido), con su valor, unidad y marca. Las definiciones, fuentes, metodología y notas de comparabilidad de cada indicador están en indicators.csv, y las etiquetas de todos los códigos en codelists.csv, en español, inglés, portugués y francés.",
            "Estados cubiertos: {0} con datos aceptados; véase coverage.csv para cada Estado miembro. Filas: {1}. Las correcciones posteriores se publican como una nueva versión; una versión publicada nunca cambia.",
            "Cómo citar", "versión", "conjunto de datos",
            "Licencia", "puede compartir y adaptar los datos, con atribución.",
            "Control de divulgación",
            "Ninguna niña, niño o adolescente víctima debe poder identificarse a partir de estos archivos. Un recuento protegido (véase la columna `protected` de indicators.csv) con 1 ≤ valor < {0} se publica sin su valor y con la marca `suppressed` (en SDMX: CONF_STATUS `C`); el cero se publica. Se omiten además otras celdas para que ningún valor omitido pueda deducirse de las celdas publicadas; una tasa se omite cuando se omite su numerador, y la nota de una celda omitida no se publica. README.md (en inglés) enuncia la regla exacta aplicada en esta versión. Los datos almacenados conservan los valores verdaderos.",
            "Archivos", "archivo", "tamaño (bytes)",
            "observations.csv, .parquet, .json y .xlsx tienen las mismas filas y columnas; observations.sdmx.csv las mismas filas en SDMX-CSV 2.0, según la estructura de datos de structure.xml (SDMX-ML 2.1). datapackage.json (Frictionless Data Package v2) describe cada archivo y sus columnas; datacite.json contiene los metadatos de cita (DataCite 4). README.md tiene el diccionario de datos completo.",
            "Verificar una descarga");

        private static readonly Texts Portuguese = new(
            "Ano de referência {0}, versão {1}, compilada em {2}. Catálogo de indicadores versão {3} (metadados, edição {4}).",
            "O que é",
            "Os indicadores anuais sobre tráfico e exploração sexual de crianças e adolescentes que os pontos focais nacionais dos Estados membros informaram a {0} para {1}: para cada Estado, os números do seu envio aceito vigente. Cada linha das observações é uma célula publicada: um Estado, um indicador e um código para cada dimensão do indicador (códigos SDMX: `_T` total, `_U` desconhecido), com o seu valor, unidade e marca. As definições, fontes, metodologia e notas de comparabilidade de cada indicador estão em indicators.csv, e os rótulos de todos os códigos em codelists.csv, em português, inglês, espanhol e francês.",
            "Estados cobertos: {0} com dados aceitos; ver coverage.csv para cada Estado membro. Linhas: {1}. As correções posteriores são publicadas como uma nova versão; uma versão publicada nunca muda.",
            "Como citar", "versão", "conjunto de dados",
            "Licença", "pode compartilhar e adaptar os dados, com atribuição.",
            "Controle de divulgação",
            "Nenhuma criança ou adolescente vítima deve poder ser identificado a partir destes arquivos. Uma contagem protegida (ver a coluna `protected` de indicators.csv) com 1 ≤ valor < {0} é publicada sem o seu valor e com a marca `suppressed` (em SDMX: CONF_STATUS `C`); o zero é publicado. Outras células são também omitidas para que nenhum valor omitido possa ser deduzido das células publicadas; uma taxa é omitida quando o seu numerador o é, e a nota de uma célula omitida não é publicada. README.md (em inglês) enuncia a regra exata aplicada nesta versão. Os dados armazenados conservam os valores verdadeiros.",
            "Arquivos", "arquivo", "tamanho (bytes)",
            "observations.csv, .parquet, .json e .xlsx têm as mesmas linhas e colunas; observations.sdmx.csv as mesmas linhas em SDMX-CSV 2.0, segundo a estrutura de dados de structure.xml (SDMX-ML 2.1). datapackage.json (Frictionless Data Package v2) descreve cada arquivo e as suas colunas; datacite.json contém os metadados de citação (DataCite 4). README.md tem o dicionário de dados completo.",
            "Verificar um download");

        private static readonly Texts French = new(
            "Année de référence {0}, version {1}, compilée le {2}. Catalogue des indicateurs version {3} (métadonnées, édition {4}).",
            "De quoi s'agit-il",
            "Les indicateurs annuels sur la traite et l'exploitation sexuelle des enfants que les points focaux nationaux des États membres ont déclarés à {0} pour {1} : pour chaque État, les chiffres de sa déclaration acceptée en vigueur. Chaque ligne des observations est une cellule publiée : un État, un indicateur et un code pour chaque dimension de l'indicateur (codes SDMX : `_T` total, `_U` inconnu), avec sa valeur, son unité et son indicateur d'état. Les définitions, sources, méthodologie et notes de comparabilité de chaque indicateur sont dans indicators.csv, et les libellés de tous les codes dans codelists.csv, en français, anglais, espagnol et portugais.",
            "États couverts : {0} avec des données acceptées ; voir coverage.csv pour chaque État membre. Lignes : {1}. Les corrections ultérieures sont publiées dans une nouvelle version ; une version publiée ne change jamais.",
            "Comment citer", "version", "jeu de données",
            "Licence", "vous pouvez partager et adapter les données, avec attribution.",
            "Contrôle de la divulgation",
            "Aucun enfant victime ne doit pouvoir être identifié à partir de ces fichiers. Un effectif protégé (voir la colonne `protected` d'indicators.csv) avec 1 ≤ valeur < {0} est publié sans sa valeur et marqué `suppressed` (en SDMX : CONF_STATUS `C`) ; le zéro est publié. D'autres cellules sont aussi masquées pour qu'aucune valeur masquée ne puisse être déduite des cellules publiées ; un taux est masqué quand son numérateur l'est, et la note d'une cellule masquée n'est pas publiée. README.md (en anglais) énonce la règle exacte appliquée dans cette version. Les données stockées conservent les vraies valeurs.",
            "Fichiers", "fichier", "taille (octets)",
            "observations.csv, .parquet, .json et .xlsx ont les mêmes lignes et colonnes ; observations.sdmx.csv les mêmes lignes en SDMX-CSV 2.0, selon la structure de données de structure.xml (SDMX-ML 2.1). datapackage.json (Frictionless Data Package v2) décrit chaque fichier et ses colonnes ; datacite.json contient les métadonnées de citation (DataCite 4). README.md contient le dictionnaire de données complet.",
            "Vérifier un téléchargement");
    }
}
