"""One adapter per real format: each turns a source's records into `Record`s, whose `row` holds the
importer's columns (jobs.importer.COLUMNS) except `institution`, which intake/employers.py fills.
docs/intake.md lists, for every field of every sample, what it becomes or why it is ignored."""

from dataclasses import dataclass, field

from jobs.importer import ImportFileError

from . import mapping as m
from .reading import CsvTable, header_key, load_json
from .text import one_line


@dataclass
class Record:
    line: int  # where the record starts in the file (or its rank in a JSON answer)
    reference: str
    title: str
    employers: list  # names for the employer, most specific first
    family: str = ""  # "métier", domaine fonctionnel or appellation
    rome: str = ""
    deadline: object = None  # datetime.date or None (no deadline)
    row: dict = field(default_factory=dict)
    links: list = field(default_factory=list)  # the record's pages (first: its page in the source)


class Adapter:
    kind = ""  # the command's argument
    source = ""  # jobs.importer's source: the upsert key with the reference
    label = ""
    accepts_url = False

    def __init__(self):
        self.notes = []  # French remarks for the report (unknown columns…)

    def records(self, path):
        """Check the whole file (ImportFileError) and return its records (an iterable that can be read again)."""
        raise NotImplementedError


class Table:
    """The records of a checked CsvTable, read anew (one at a time) at each iteration."""

    def __init__(self, table, build):
        self.table, self.build = table, build

    def __iter__(self):
        return (self.build(line, values) for line, values in self.table)


def _row(**values):
    return {key: "" if value is None else value for key, value in values.items()}


# Choisir le service public: the weekly data.gouv.fr open data CSV (30 columns, « ; »).

CSP_COLUMNS = (
    "Organisme de rattachement",
    "Référence",
    "Versant",
    "Métier",
    "Statut du poste",
    "Nature de l'emploi",
    "Durée du contrat",
    "Intitulé du poste",
    "Localisation du poste",
    "Lieu d'affectation",
    "Niveau d'études",
    "Niveau d'expérience min. requis",
    "Date de vacance de l'emploi",
    "Date de début de publication par défaut",
    "Date de fin de publication par défaut",
    "Date de première publication",
    "Spécialisation",
    "Télétravail",
    "Management",
    "Employeur",
    "Catégorie",
    "Temps Plein",
    "Durée du poste",
    "Langues",
    "Niveaux",
    "Lieu d'affectation (sans géolocalisation)",
    "Avis de vacances au JO",
    "Compétences attendues",
    "Documents à transmettre",
    "Nature de contrat",
)
CSP_REQUIRED = ("Référence", "Intitulé du poste", "Organisme de rattachement")


class CspOpenData(Adapter):
    kind, source, label, accepts_url = "csp", "csp", "Choisir le service public (données ouvertes)", True

    def records(self, path):
        table = CsvTable(path, known=CSP_COLUMNS, required=CSP_REQUIRED, separator=None)
        table.check()
        if table.unknown:
            self.notes.append(f"Colonnes inconnues ignorées : {', '.join(table.unknown)}.")
        return Table(table, self.record)

    @staticmethod
    def record(line, values):
        def get(name):
            return values.get(header_key(name), "").strip()

        reference, title = get("Référence"), one_line(get("Intitulé du poste"))
        published = m.parse_date(get("Date de première publication")) or m.parse_date(
            get("Date de début de publication par défaut")
        )
        deadline = m.parse_date(get("Date de fin de publication par défaut"))
        postal_code, city = m.postal_place(get("Lieu d'affectation"), get("Lieu d'affectation (sans géolocalisation)"))
        url = m.csp_offer_url(reference) if reference else ""
        description = m.combine_all(
            part
            for part in (
                "Offre publiée sur Choisir le service public : la fiche complète et le formulaire de candidature "
                f"sont sur {url}"
                if url
                else "",
                m.facts(
                    [
                        ("Fonction publique", m.versant(get("Versant"))),
                        ("Métier", get("Métier")),
                        ("Spécialisation", get("Spécialisation")),
                        ("Statut du poste", get("Statut du poste")),
                        ("Nature de l'emploi", get("Nature de l'emploi")),
                        ("Nature du contrat", get("Nature de contrat")),
                        ("Durée du contrat", get("Durée du contrat")),
                        ("Durée du poste", get("Durée du poste")),
                        ("Temps plein", get("Temps Plein")),
                        ("Management", get("Management")),
                        ("Date de vacance de l'emploi", get("Date de vacance de l'emploi")),
                        (
                            "Lieu d'affectation",
                            get("Lieu d'affectation") or get("Lieu d'affectation (sans géolocalisation)"),
                        ),
                        ("Avis de vacance au Journal officiel", get("Avis de vacances au JO")),
                    ]
                ),
            )
            if part
        )
        profile = m.combine_all(
            part
            for part in (
                get("Compétences attendues"),
                m.facts(
                    [
                        ("Niveau d'études", get("Niveau d'études")),
                        ("Expérience", get("Niveau d'expérience min. requis")),
                        ("Langues", " ".join(filter(None, (get("Langues"), get("Niveaux"))))),
                    ]
                ),
            )
            if part
        )
        return Record(
            line=line,
            reference=reference,
            title=title,
            employers=[name for name in (get("Employeur"), get("Organisme de rattachement")) if name],
            family=" ; ".join(filter(None, (get("Métier"), get("Spécialisation")))),
            deadline=deadline,
            row=_row(
                external_id=reference,
                title=title,
                contract_types=m.contract_codes(get("Nature de l'emploi"), get("Nature de contrat")),
                category=m.category(get("Catégorie")),
                versant=m.versant_code(get("Versant")),
                experience_level=m.experience(get("Niveau d'expérience min. requis")),
                remote=m.remote(get("Télétravail")),
                city=city,
                postal_code=postal_code,
                description=description,
                profile=profile,
                process=m.facts([("Documents à transmettre", get("Documents à transmettre"))]),
                apply_url=url,
                published_at=m.iso(published),
                deadline=m.deadline_column(deadline),
            ),
        )


# Choisir le service public: its Talentsoft API (offer summaries, or one offer detail).


def _label(value):
    return (value or {}).get("label", "") if isinstance(value, dict) else ""


def _labels(values):
    return [_label(value) for value in values or [] if _label(value)]


class CspApi(Adapter):
    kind, source, label = "csp-api", "csp", "Choisir le service public (API)"

    def records(self, path):
        data = load_json(path)
        if isinstance(data, dict):
            data = data.get("offers") or data.get("items") or data.get("data") or [data]
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise ImportFileError("Réponse inattendue : une offre (objet JSON) ou une liste d'offres est attendue.")
        if not data or not any(item.get("reference") for item in data):
            raise ImportFileError("La réponse ne contient aucune offre (aucun champ « reference »).")
        return [self.record(number, item) for number, item in enumerate(data, start=1)]

    @staticmethod
    def record(number, item):
        custom = item.get("customFields") or {}
        description = custom.get("description") or {}
        criteria = custom.get("applicantCriteria") or {}
        offer = custom.get("offer") or {}
        organisation = item.get("organisation") or {}
        reference = str(item.get("reference") or "").strip()
        title = one_line(item.get("title"))
        published = m.parse_date(item.get("startPublicationDate"))
        deadline = m.parse_date(item.get("endPublicationDate")) or m.parse_date(offer.get("date1"))
        departments = _labels(item.get("department"))
        postal_code, city = m.postal_place(item.get("location"))
        if not postal_code and organisation.get("postCode") and city == "":
            postal_code, city = m.postal_place(f"{organisation.get('postCode')} {item.get('location') or ''}")
        applicant = item.get("urlRedirectionApplicant") or ""
        origin = custom.get("origin") or {}
        context = m.combine_all(
            filter(
                None,
                (
                    description.get("longText3Formatted") or description.get("longText3"),
                    (custom.get("offerCustomBlock1") or {}).get("longText1Formatted")
                    or (custom.get("offerCustomBlock1") or {}).get("longText1"),
                ),
            )
        )
        facts = m.facts(
            [
                ("Fonction publique", m.versant(_label(item.get("salaryRange")))),
                ("Métier", _label(item.get("offerFamilyCategory"))),
                ("Statut du poste", _label(item.get("professionalCategory"))),
                ("Nature de l'emploi", _label(item.get("contractType"))),
                ("Nature du contrat", _label(offer.get("customCodeTable2"))),
                ("Département", ", ".join(departments)),
                ("Prise de poste souhaitée", m.french(m.parse_date(item.get("beginningDate")))),
            ]
        )
        profile = m.combine_all(
            filter(
                None,
                (
                    item.get("description2Formatted") or item.get("description2"),
                    criteria.get("longText1Formatted") or criteria.get("longText1"),
                    m.facts(
                        [
                            ("Niveau d'études", _label(item.get("educationLevel"))),
                            ("Expérience", _label(item.get("experienceLevel"))),
                            ("Documents à transmettre", _label(criteria.get("customCodeTable1"))),
                        ]
                    ),
                ),
            )
        )
        return Record(
            line=number,
            reference=reference,
            title=title,
            employers=[
                name
                for name in (item.get("organisationName"), organisation.get("name"), organisation.get("parentName"))
                if name
            ],
            family=_label(item.get("offerFamilyCategory")),
            deadline=deadline,
            row=_row(
                external_id=reference,
                title=title,
                contract_types=m.contract_codes(
                    _label(item.get("contractType")), _label(offer.get("customCodeTable2"))
                ),
                category=m.category(_label(description.get("customCodeTable1")) or description.get("shortText3")),
                versant=m.versant_code(_label(item.get("salaryRange"))),
                experience_level=m.experience(_label(item.get("experienceLevel"))),
                remote=m.remote(_label(description.get("customCodeTable3"))),
                city=city,
                postal_code=postal_code,
                description=m.combine_all(
                    filter(None, (item.get("description1Formatted") or item.get("description1"), facts))
                ),
                context=context,
                profile=profile,
                benefits=description.get("longText2Formatted") or description.get("longText2") or "",
                apply_url=m.http_url(item.get("applicationUrl"), applicant)
                or m.without_tracking(m.http_url(item.get("offerUrl")) or m.csp_offer_url(reference)),
                apply_email=m.first_email(applicant, origin.get("shortText1")),
                published_at=m.iso(published),
                deadline=m.deadline_column(deadline),
            ),
        )


# France Travail: the "Offres d'emploi v2" API (a list of offers, or its {"resultats": […]} answer).


class FranceTravail(Adapter):
    kind, source, label, accepts_url = "france-travail", "france-travail", "France Travail (API Offres v2)", True

    def records(self, path):
        data = load_json(path)
        if isinstance(data, dict):
            data = data.get("resultats", [data])
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise ImportFileError('Réponse inattendue : une liste d\'offres (ou {"resultats": […]}) est attendue.')
        if not data or not any(item.get("id") for item in data):
            raise ImportFileError("La réponse ne contient aucune offre (aucun champ « id »).")
        return [self.record(number, item) for number, item in enumerate(data, start=1)]

    @staticmethod
    def record(number, item):
        place = item.get("lieuTravail") or {}
        company = item.get("entreprise") or {}
        salary = item.get("salaire") or {}
        contact = item.get("contact") or {}
        origin = item.get("origineOffre") or {}
        partners = [partner.get("url") for partner in origin.get("partenaires") or [] if isinstance(partner, dict)]
        reference = str(item.get("id") or "").strip()
        title = one_line(item.get("intitule"))
        postal_code = str(place.get("codePostal") or item.get("code_postal") or "").strip()
        libelle = str(place.get("libelle") or "")
        city = m.commune_name(libelle.split(" - ", 1)[1] if " - " in libelle else "") or m.commune_name(
            item.get("nom_commune") or ""
        )
        low, high = m.yearly_salary(salary.get("libelle"))
        years = None
        if item.get("experienceExige") == "D":
            years = 0
        skills_text = "\n".join(
            f"- {skill.get('libelle')}" for skill in item.get("competences") or [] if skill.get("libelle")
        )
        qualities = "\n".join(
            f"- {quality.get('libelle')}"
            for quality in item.get("qualitesProfessionnelles") or []
            if quality.get("libelle")
        )
        benefits = m.facts(
            [
                ("Salaire", salary.get("libelle") or salary.get("commentaire")),
                ("Avantages", ", ".join(filter(None, (salary.get("complement1"), salary.get("complement2"))))),
                ("Durée du travail", item.get("dureeTravailLibelle")),
                ("Conditions d'exercice", item.get("complementExercice") or item.get("conditionExercice")),
            ]
        )
        profile = m.combine_all(
            filter(
                None,
                (
                    skills_text,
                    qualities,
                    m.facts(
                        [
                            (
                                "Expérience",
                                " ".join(
                                    filter(None, (item.get("experienceLibelle"), item.get("experienceCommentaire")))
                                ),
                            ),
                            (
                                "Formation",
                                ", ".join(
                                    dict.fromkeys(f.get("niveauLibelle", "") for f in item.get("formations") or [])
                                ),
                            ),
                            (
                                "Langues",
                                ", ".join(language.get("libelle", "") for language in item.get("langues") or []),
                            ),
                            ("Permis", ", ".join(permit.get("libelle", "") for permit in item.get("permis") or [])),
                        ]
                    ),
                ),
            )
        )
        return Record(
            line=number,
            reference=reference,
            title=title,
            employers=[company.get("nom")] if company.get("nom") else [],
            family=one_line(item.get("appellationlibelle") or item.get("romeLibelle")),
            rome=str(item.get("romeCode") or ""),
            deadline=None,
            links=[
                url for url in (origin.get("urlOrigine"), *partners, contact.get("urlPostulation")) if m.http_url(url)
            ],
            row=_row(
                external_id=reference,
                title=title,
                contract_types=m.contract_codes(
                    item.get("typeContrat"),
                    item.get("natureContrat"),
                    "alternance" if item.get("alternance") else "",
                ),
                experience_level=m.experience(item.get("experienceLibelle"), years),
                city=city,
                postal_code=postal_code,
                salary_min=low,
                salary_max=high,
                description=item.get("description") or "",
                context=company.get("description") or "",
                profile=profile,
                benefits=benefits,
                apply_url=m.http_url(contact.get("urlPostulation"), *partners, origin.get("urlOrigine")),
                apply_email=m.first_email(contact.get("courriel")),
                published_at=m.iso(m.parse_date(item.get("dateCreation"))),
                deadline=m.deadline_column(None),
            ),
        )


# Place de l'emploi public, 2021: the Talentsoft export (56 columns, « ; ») …

PEP_COLUMNS = (
    "OfferID", "Offer_CreationUser_", "Offer_CustomFields_Date1_", "Offer_ModificationDate_",
    "Offer_CustomFieldsTranslation_LongText2_", "Offer_OfferID_", "Offer_CustomFieldsTranslation_LongText1_",
    "Offer_CoordLat_", "Offer_CoordLong_", "Offer_Reference_", "Offer_OfferStatus_",
    "JobDescription_CustomFields_CustomCodeTableValue1_", "JobDescription_CustomFieldsTranslation_ShortText2_",
    "JobDescription_CustomFieldsTranslation_LongText2_", "JobDescription_CustomFieldsTranslation_LongText1_",
    "JobDescription_CustomFieldsTranslation_LongText3_", "JobDescriptionTranslation_Description2_",
    "JobDescriptionTranslation_Description1_", "JobDescription_PrimaryProfile_",
    "JobDescriptionTranslation_ContractLength_", "JobDescriptionTranslation_JobTitle_", "JobDescription_Contract_",
    "JobDescription_Country_", "JobDescription_ProfessionalCategory_", "JobDescription_SalaryRange_",
    "Offer_Profile_Profile_", "Location_JobLocation_", "Location_CustomFieldsTranslation_ShortText1_",
    "Location_GeographicalArea_GeographicalArea_", "Location_Country_Country_", "Location_Region_Region_",
    "Location_Department_Department_", "ApplicantCriteria_EducationLevel_", "ApplicantCriteria_Country_",
    "Offer_Specialisation_Specialisation_", "RequiredLanguage_Language_", "RequiredLanguage_LanguageLevel_",
    "Origin_CustomFieldsTranslation_ShortText3_", "Origin_BeginningDate_", "Origin_Entity_With1",
    "Origin_Entity_With2", "Origin_Entity_With3", "Origin_Entity_With4", "Origin_Entity_With5", "Origin_Entity_",
    "Origin_CustomFieldsTranslation_ShortText2_", "Origin_CustomFieldsTranslation_ShortText1_",
    "Offer_BackOfficeUser_User_", "SchedulingData_DefaultPublicationBeginDate_",
    "SchedulingData_DefaultPublicationEndDate_", "SchedulingData_UpdateFrequency_", "SchedulingData_AutomaticUpdate_",
    "OfferCustomBlock1_CustomFieldsTranslation_LongText1_", "OfferCustomBlock1_CustomFields_CustomCodeTableValue3_",
    "FirstPublicationDate", "MainSupervisor",
)  # fmt: skip


class PepSemicolon(Adapter):
    kind, source, label = "pep-semicolon", "pep", "Place de l'emploi public (export Talentsoft « ; »)"

    def records(self, path):
        table = CsvTable(
            path, known=PEP_COLUMNS, required=("Offer_Reference_", "JobDescriptionTranslation_JobTitle_"), separator=";"
        )
        table.check()
        if table.unknown:
            self.notes.append(f"Colonnes inconnues ignorées : {', '.join(table.unknown)}.")
        return Table(table, self.record)

    @staticmethod
    def record(line, values):
        def get(name):
            return values.get(header_key(name), "").strip()

        reference = get("Offer_Reference_")
        title = one_line(get("JobDescriptionTranslation_JobTitle_"))
        deadline = m.parse_date(get("SchedulingData_DefaultPublicationEndDate_"))
        published = m.parse_date(get("FirstPublicationDate")) or m.parse_date(
            get("SchedulingData_DefaultPublicationBeginDate_")
        )
        postal_code, city = m.postal_place(
            get("Location_JobLocation_"), get("Location_CustomFieldsTranslation_ShortText1_")
        )
        entities = [get(f"Origin_Entity_With{rank}") for rank in (5, 4, 3)]
        facts = m.facts(
            [
                ("Fonction publique", m.versant(get("JobDescription_SalaryRange_"))),
                ("Métier", get("JobDescription_PrimaryProfile_")),
                ("Statut du poste", get("JobDescription_ProfessionalCategory_")),
                ("Nature de l'emploi", get("JobDescription_Contract_")),
                ("Durée du contrat", get("JobDescriptionTranslation_ContractLength_")),
                ("Temps de travail", get("OfferCustomBlock1_CustomFields_CustomCodeTableValue3_")),
                ("Prise de poste souhaitée", get("Origin_BeginningDate_")),
                ("Lieu", get("Location_CustomFieldsTranslation_ShortText1_") or get("Location_JobLocation_")),
            ]
        )
        contact = get("Origin_CustomFieldsTranslation_ShortText1_")
        return Record(
            line=line,
            reference=reference,
            title=title,
            employers=[name for name in (get("Origin_Entity_"), *entities) if name],
            family=" ; ".join(
                filter(None, (get("JobDescription_PrimaryProfile_"), get("Offer_Specialisation_Specialisation_")))
            ),
            deadline=deadline,
            row=_row(
                external_id=reference,
                title=title,
                contract_types=m.contract_codes(get("JobDescription_Contract_")),
                category=m.category(get("JobDescription_CustomFields_CustomCodeTableValue1_")),
                versant=m.versant_code(get("JobDescription_SalaryRange_")),
                city=city,
                postal_code=postal_code,
                description=m.combine_all(filter(None, (get("JobDescriptionTranslation_Description1_"), facts))),
                context=m.combine_all(
                    filter(
                        None,
                        (
                            get("JobDescription_CustomFieldsTranslation_LongText1_"),
                            get("JobDescription_CustomFieldsTranslation_LongText3_"),
                        ),
                    )
                ),
                profile=m.combine_all(
                    filter(
                        None,
                        (
                            get("JobDescriptionTranslation_Description2_"),
                            m.facts(
                                [
                                    ("Niveau d'études", get("ApplicantCriteria_EducationLevel_")),
                                    ("Précisions", get("JobDescription_CustomFieldsTranslation_LongText2_")),
                                    ("Spécialisation", get("Offer_Specialisation_Specialisation_")),
                                    (
                                        "Langue",
                                        " ".join(
                                            filter(
                                                None,
                                                (
                                                    get("RequiredLanguage_Language_"),
                                                    get("RequiredLanguage_LanguageLevel_"),
                                                ),
                                            )
                                        ),
                                    ),
                                ]
                            ),
                        ),
                    )
                ),
                process=get("OfferCustomBlock1_CustomFieldsTranslation_LongText1_"),
                apply_url=m.csp_offer_url(reference) if reference else "",
                apply_email=m.first_email(contact),
                published_at=m.iso(published),
                deadline=m.deadline_column(deadline),
            ),
        )


# … and its flat file for Pôle emploi (19 columns, « | »).

PEP_PIPE_COLUMNS = (
    "Par_URL_offre", "Code_OGR", "Par_ref_offre", "Description", "Libelle_metier_OGR", "DEP_libelle", "DEP_cle",
    "Par_cle", "Par_nom", "Off_experience_duree_min", "Exp_cle", "Exp_libelle", "Dur_cle_experience", "NTC_cle",
    "TCO_cle", "Off_contrat_duree_MO", "Pay_cle", "Off_date_creation", "Off_date_modification",
)  # fmt: skip


class PepPipe(Adapter):
    kind, source, label = "pep-pipe", "pep", "Place de l'emploi public (fichier partenaire « | »)"

    def records(self, path):
        table = CsvTable(path, known=PEP_PIPE_COLUMNS, required=("Par_ref_offre", "Libelle_metier_OGR"), separator="|")
        table.check()
        if table.unknown:
            self.notes.append(f"Colonnes inconnues ignorées : {', '.join(table.unknown)}.")
        return Table(table, self.record)

    @staticmethod
    def record(line, values):
        def get(name):
            return values.get(header_key(name), "").strip()

        reference = get("Par_ref_offre")
        title = one_line(get("Libelle_metier_OGR"))
        duration = get("Off_contrat_duree_MO")
        years = None
        if get("Off_experience_duree_min").isdigit():
            years = int(get("Off_experience_duree_min")) / (12 if get("Dur_cle_experience") == "MO" else 1)
        description = get("Description").replace("\\n", "\n")
        facts = m.facts(
            [
                ("Contrat", get("TCO_cle") + (f" de {duration} mois" if duration and duration != "0" else "")),
                ("Département", f"{get('DEP_libelle')} ({get('DEP_cle')})" if get("DEP_cle") else ""),
            ]
        )
        return Record(
            line=line,
            reference=reference,
            title=title,
            employers=[],  # the file does not name the employer: every record waits for the comms team
            family=title,
            deadline=None,
            row=_row(
                external_id=reference,
                title=title,
                contract_types=m.contract_codes(get("TCO_cle")),
                experience_level=m.experience("", years) if years is not None else "",
                city="",  # only the département is given
                postal_code="",
                description=m.combine_all(filter(None, (description, facts))),
                apply_url=m.http_url(get("Par_URL_offre")) or (m.csp_offer_url(reference) if reference else ""),
                published_at=m.iso(m.parse_date(get("Off_date_creation"))),
                deadline=m.deadline_column(None),
            ),
        )


ADAPTERS = {adapter.kind: adapter for adapter in (CspOpenData, CspApi, FranceTravail, PepSemicolon, PepPipe)}
