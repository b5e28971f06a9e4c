using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.Validation;

/// <summary>
/// The part of catalog version 1 (domain.md) the validator's tests need, built in memory: a few
/// indicators of each kind, their code lists with labels in the four languages, and six states.
/// </summary>
internal static class TestReferenceData
{
    public static MemberState State(string iso3) =>
        Instance.States.All.Single(s => s.Iso3 == iso3);

    private static LocalizedText T(string en, string es, string pt, string fr) => new(en, es, pt, fr);

    private static CodeItem Code(string code, LocalizedText labels, params string[] aliases) => new(code, labels, aliases);

    private static readonly CodeItem Unknown = Code("_U", T("Unknown", "Desconocido", "Desconhecido", "Inconnu"));
    private static readonly CodeItem Total = Code("_T", T("Total", "Total", "Total", "Total"));

    // After the shared codes above: static fields initialize in the order they are written.
    public static ReferenceDataSet Instance { get; } = new(BuildCatalog(), BuildStates());

    private static IndicatorCatalog BuildCatalog()
    {
        CodeList[] lists =
        [
            new("SEX", T("Sex", "Sexo", "Sexo", "Sexe"), true,
            [
                Code("F", T("Female", "Femenino", "Feminino", "Féminin"), "Mujer", "Femme"),
                Code("M", T("Male", "Masculino", "Masculino", "Masculin"), "Hombre", "Homme"),
                Unknown, Total,
            ]),
            new("AGE", T("Age", "Edad", "Idade", "Âge"), true,
            [
                Code("Y0T11", T("0 to 11 years", "0 a 11 años", "0 a 11 anos", "0 à 11 ans"), "0-11"),
                Code("Y12T17", T("12 to 17 years", "12 a 17 años", "12 a 17 anos", "12 à 17 ans"), "12-17"),
                Unknown, Total,
            ]),
            new("EXPLOITATION", T("Form of exploitation", "Forma de explotación", "Forma de exploração", "Forme d’exploitation"), true,
            [
                Code("SEXUAL", T("Sexual exploitation", "Explotación sexual", "Exploração sexual", "Exploitation sexuelle"), "Sexual"),
                Code("FORCED_LABOUR", T("Forced labour", "Trabajo forzoso", "Trabalho forçado", "Travail forcé"), "Forced labor"),
                Code("OTHER", T("Other", "Otra", "Outra", "Autre")),
                Unknown, Total,
            ]),
            new("CITIZENSHIP", T("Citizenship", "Ciudadanía", "Cidadania", "Citoyenneté"), true,
            [
                Code("NATIONAL", T("National", "Nacional", "Nacional", "National")),
                Code("FOREIGN", T("Foreign", "Extranjero", "Estrangeiro", "Étranger")),
                Unknown, Total,
            ]),
            new("OFFENCE", T("Offence", "Delito", "Crime", "Infraction"), true,
            [
                Code("TRAFFICKING", T("Trafficking in persons", "Trata de personas", "Tráfico de pessoas", "Traite des personnes")),
                Code("CSEC", T("Commercial sexual exploitation of children", "Explotación sexual comercial infantil", "Exploração sexual comercial infantil", "Exploitation sexuelle commerciale des enfants")),
                Total,
            ]),
            new("TREATY_STATUS", T("Treaty status", "Estado del tratado", "Situação do tratado", "Statut du traité"), false,
            [
                Code("RATIFIED", T("Ratified or acceded", "Ratificado o adherido", "Ratificado ou aderido", "Ratifié ou adhéré"), "Ratified", "Ratificado", "Ratifié", "Acceded"),
                Code("SIGNED", T("Signed", "Firmado", "Assinado", "Signé")),
                Code("NONE", T("Neither signed nor ratified", "Ni firmado ni ratificado", "Nem assinado nem ratificado", "Ni signé ni ratifié")),
            ]),
            new("YES_NO", T("Yes or no", "Sí o no", "Sim ou não", "Oui ou non"), false,
            [
                Code("YES", T("Yes", "Sí", "Sim", "Oui")),
                Code("NO", T("No", "No", "Não", "Non")),
                Code("PARTIAL", T("Partially", "Parcialmente", "Parcialmente", "Partiellement"), "Partial", "Parcial", "Partiel"),
            ]),
        ];

        Indicator Count(string code, LocalizedText labels, bool isProtected, params string[] dimensions) =>
            new(code, labels, labels, IndicatorUnits.Number, dimensions, isProtected, Derived: false, []);

        Indicator[] indicators =
        [
            Count("CT_VICT_DET", T("Child victims of trafficking detected", "Niños víctimas de trata detectados", "Crianças vítimas de tráfico detectadas", "Enfants victimes de la traite détectés"),
                true, "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP"),
            Count("CT_OFF_REC", T("Offences recorded by the police", "Delitos registrados por la policía", "Crimes registrados pela polícia", "Infractions enregistrées par la police"),
                false, "OFFENCE"),
            Count("CT_PERS_PROS", T("Persons prosecuted", "Personas procesadas", "Pessoas processadas", "Personnes poursuivies"), false, "SEX"),
            Count("CT_PERS_CONV", T("Persons convicted", "Personas condenadas", "Pessoas condenadas", "Personnes condamnées"), false, "SEX"),
            Count("POP_U18", T("Population under 18", "Población menor de 18 años", "População menor de 18 anos", "Population de moins de 18 ans"), false, "SEX"),
            new("LEG_PALERMO", T("Palermo Protocol", "Protocolo de Palermo", "Protocolo de Palermo", "Protocole de Palerme"), T("Palermo Protocol", "Protocolo de Palermo", "Protocolo de Palermo", "Protocole de Palerme"),
                IndicatorUnits.TreatyStatus, [], false, false, []),
            new("POL_NAT_PLAN", T("National action plan", "Plan nacional de acción", "Plano nacional de ação", "Plan d’action national"), T("National action plan", "Plan nacional de acción", "Plano nacional de ação", "Plan d’action national"),
                IndicatorUnits.YesNo, [], false, false, []),
            new("CT_VICT_DET_RATE", T("Child victims detected per 100,000", "Niños víctimas detectados por 100.000", "Crianças vítimas detectadas por 100.000", "Enfants victimes détectés pour 100 000"), T("Rate", "Tasa", "Taxa", "Taux"),
                IndicatorUnits.Per100000PopU18, [], true, Derived: true, []),
        ];

        // Headers are the readers' business; the shipped column aliases of the fixture's dimensions satisfy the catalog's checks.
        var columns = ReferenceDataSet.Default.Catalog.Columns
            .Where(c => ReturnColumn.All.Contains(c.Column) || lists.Any(l => l.IsDimension && l.Id == c.Column))
            .ToList();
        return new IndicatorCatalog("1", indicators, lists, columns);
    }

    private static MemberStateRegistry BuildStates()
    {
        ParticipationPeriod[] always = [new(new DateOnly(1948, 4, 30), null, null)];
        MemberState State(string iso3, string iso2, string m49, LocalizedText names, Language language) =>
            new(iso3, iso2, m49, names, language, always, []);

        return new MemberStateRegistry(
        [
            State("BRA", "BR", "076", T("Brazil", "Brasil", "Brasil", "Brésil"), Language.Pt),
            State("CAN", "CA", "124", T("Canada", "Canadá", "Canadá", "Canada"), Language.En) with { OtherLanguages = [Language.Fr] },
            State("HTI", "HT", "332", T("Haiti", "Haití", "Haiti", "Haïti"), Language.Fr),
            State("JAM", "JM", "388", T("Jamaica", "Jamaica", "Jamaica", "Jamaïque"), Language.En),
            State("MEX", "MX", "484", T("Mexico", "México", "México", "Mexique"), Language.Es),
            State("USA", "US", "840", T("United States", "Estados Unidos", "Estados Unidos", "États-Unis"), Language.En),
        ]);
    }
}
