"""Fixtures for the knowledge tests: a taxonomy term and an organisation to refer to."""

import pytest

from knowledge.models import Organisation, Theme


@pytest.fixture
def organisation():
    return Organisation.objects.create(
        name_da="Midt- og Vestjyllands Politi",
        name_sv="Midt- og Vestjyllands polis",
        name_en="Central and West Jutland Police",
        slug="mvjp",
        kind="police",
        country="DK",
    )


@pytest.fixture
def theme():
    return Theme.objects.create(
        name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="burglary"
    )
