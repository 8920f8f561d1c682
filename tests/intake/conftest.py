import datetime

import pytest

from demo.institutions import ensure_institutions

# A day after every record of the small fixtures was published and before their deadlines.
TODAY = datetime.date(2026, 10, 1)


@pytest.fixture
def institutions(db):
    ensure_institutions(with_logos=False)
