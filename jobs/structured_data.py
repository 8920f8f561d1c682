"""The schema.org `JobPosting` of an open offer (JSON-LD), following Google's rules for job postings:
https://developers.google.com/search/docs/appearance/structured-data/job-posting

Every value comes from a fact the offer page also shows. `script_json` makes the JSON safe inside a
<script> element whatever the offer contains.
"""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe

from .choices import ContractTypeCode, RemoteWork

# Google's employmentType values for our contract types:
# - a post open to civil servants or contract staff is a permanent, full-time job: FULL_TIME;
# - "contractuel uniquement" is full time on a public-law contract, usually fixed-term: FULL_TIME and
#   CONTRACTOR (job boards' "contract" type), so that it shows under both filters;
# - an internship or an apprenticeship (work-study contract): INTERN, Google's closest type;
# - a freelance mission: CONTRACTOR; a volunteering (service civique, VIA): VOLUNTEER.
EMPLOYMENT_TYPES = {
    ContractTypeCode.TITULAIRE_OU_CONTRACTUEL: ["FULL_TIME"],
    ContractTypeCode.CONTRACTUEL: ["FULL_TIME", "CONTRACTOR"],
    ContractTypeCode.APPRENTISSAGE: ["INTERN"],
    ContractTypeCode.STAGE: ["INTERN"],
    ContractTypeCode.FREELANCE: ["CONTRACTOR"],
    ContractTypeCode.VOLONTARIAT: ["VOLUNTEER"],
}

# What can end a <script> element or open an HTML comment inside it, as JSON escapes.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def employment_types(contract_codes):
    """Google's employment types for contract codes, without duplicates, in the order given."""
    types = []
    for code in contract_codes:
        for employment_type in EMPLOYMENT_TYPES.get(code, ["OTHER"]):
            if employment_type not in types:
                types.append(employment_type)
    return types


def iso_datetime(value):
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def base_salary(salary_min, salary_max):
    """A MonetaryAmount in euros per year, or None when the offer gives no salary."""
    if not salary_min and not salary_max:
        return None
    if salary_min and salary_max and salary_min != salary_max:
        value = {"minValue": salary_min, "maxValue": salary_max}
    elif salary_min and salary_max:
        value = {"value": salary_min}
    elif salary_min:
        value = {"minValue": salary_min}
    else:
        value = {"maxValue": salary_max}
    return {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", **value, "unitText": "YEAR"},
    }


def job_posting(offer, *, url, description_html, reference, logo_url=None):
    """The JobPosting dict of a published offer.

    `url` is the offer page's absolute URL, `description_html` the HTML of its description sections,
    `reference` the reference shown on the page, `logo_url` the absolute URL of the employer's logo.
    """
    institution = offer.institution
    organization = {"@type": "Organization", "name": institution.name}
    if institution.website:
        organization["sameAs"] = institution.website
    if logo_url:
        organization["logo"] = logo_url
    address = {
        "@type": "PostalAddress",
        "addressLocality": offer.city,
        "postalCode": offer.postal_code,
        "addressCountry": "FR",
    }
    if offer.region:
        address["addressRegion"] = offer.region.name
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offer.title,
        "description": description_html,
        "url": url,
        "datePosted": iso_datetime(offer.first_published_at),
        "validThrough": offer.deadline_end.isoformat(),
        "employmentType": employment_types(contract.code for contract in offer.contract_types.all()),
        "hiringOrganization": organization,
        "jobLocation": {"@type": "Place", "address": address},
        "identifier": {"@type": "PropertyValue", "name": institution.name, "value": reference},
        "directApply": False,
    }
    salary = base_salary(offer.salary_min, offer.salary_max)
    if salary:
        data["baseSalary"] = salary
    if offer.remote == RemoteWork.TOTAL:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "France"}
    return data


def script_json(data):
    """`data` as JSON that can sit inside <script type="application/ld+json"> without ending it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))
