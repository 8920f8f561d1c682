import datetime

import pytest
from django.utils import timezone

from demo.institutions import ensure_institutions


@pytest.fixture
def institutions(db):
    """The demo employers (without their logos, which these tests do not need)."""
    ensure_institutions(with_logos=False)


@pytest.fixture
def offer_row(institutions):
    """A valid import row; tests change the values they are about."""
    today = timezone.localdate()
    return {
        "external_id": "OFFRE-1",
        "title": "Développeur·se full stack Python/Django",
        "institution": "DINUM",
        "profession": "developpement",
        "contract_types": "titulaire_ou_contractuel|contractuel",
        "category": "a",
        "experience_level": "confirme",
        "remote": "partiel",
        "city": "Paris",
        "postal_code": "75007",
        "salary_min": "45000",
        "salary_max": "55000",
        "description": "Construire des services publics.\n\n- coder\n- tester",
        "profile": "Vous aimez le code propre.",
        "benefits": "",
        "process": "",
        "apply_url": "https://choisirleservicepublic.gouv.fr/offre-emploi/2026-1/",
        "apply_email": "",
        "published_at": (today - datetime.timedelta(days=3)).isoformat(),
        "deadline": (today + datetime.timedelta(days=30)).isoformat(),
        "skills": "Python|Django",
    }
