"""Fixtures for tests against the real Elasticsearch node that `make test` starts.

Each test gets its own index alias, so tests never see each other's documents. A missing node
fails the test with a message; it is never skipped.
"""

import uuid

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from elasticsearch import helpers

from knowledge.models import ProgrammePage, Theme
from search import indexing, thesaurus
from search.client import UNAVAILABLE, get_client

LANGUAGES = ["da", "sv", "en"]


@pytest.fixture
def engine(settings, db):
    settings.ELASTICSEARCH_INDEX = f"bro-test-{uuid.uuid4().hex[:10]}"
    client = get_client()
    try:
        client.cluster.health(wait_for_status="yellow", timeout="30s")
    except UNAVAILABLE as error:
        pytest.fail(
            f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL} ({error}). "
            "`make test` starts it; alone, run `make es-start ES_BASE_PORT=9250`."
        )
    yield client
    names = list(client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}*"))
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture
def thesaurus_loaded(db):
    thesaurus.load_csv()


def document(pk, language, title, summary, **fields):
    """An index document written in one language only, as a page is before translation."""
    doc = {
        "_id": pk,
        "page_id": pk,
        "type": "programme",
        "original_language": language,
        "country": ["SE"] if language == "sv" else ["DK"],
        "evidence_level": 2,
        "status": "active",
        "last_published_at": f"2024-01-{pk:02d}T12:00:00+00:00",
        "suggest": [title],
    }
    for lang in LANGUAGES:
        own = lang == language
        doc |= {
            f"title_{lang}": title if own else "",
            f"summary_{lang}": summary if own else "",
            f"url_{lang}": f"/{lang}/programmes/{pk}/",
        }
    return doc | fields


#: Three programmes, each only in its own language, about different problems.
CROSS_LANGUAGE_DOCS = [
    document(
        1,
        "da",
        "Tryg i parcelhuskvarteret",
        "Politiet og grundejerforeninger forebygger indbrud i villaer med nabohjælp.",
        themes=["burglary"],
        evidence_level=3,
    ),
    document(
        2,
        "sv",
        "Stöd till familjer i Östergötland",
        "Kommunen arbetar mot våld i nära relationer och stöttar barn som bevittnar våld.",
        themes=["violence-in-close-relations"],
        status="planned",
    ),
    document(
        3,
        "en",
        "Young people and dirty money",
        "Webinars teach pupils how criminals use money laundering and money mules.",
        themes=["money-laundering"],
        country=["DK", "SE"],
        status="ended",
    ),
]


def build_index(client, docs):
    """A fresh index behind the test's alias, holding exactly `docs`."""
    name = f"{django_settings.ELASTICSEARCH_INDEX}-1"
    indexing.create_index(name)
    client.indices.put_alias(index=name, name=django_settings.ELASTICSEARCH_INDEX)
    helpers.bulk(client, [{"_index": name, **doc} for doc in docs], refresh=True)
    return name


@pytest.fixture
def cross_language_index(engine, thesaurus_loaded):
    build_index(engine, CROSS_LANGUAGE_DOCS)
    return engine


@pytest.fixture
def pages(sections):
    """Real pages: a Danish programme with a theme, a Swedish one for both countries."""
    burglary = Theme.objects.create(
        name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="burglary"
    )
    danish = make_page(
        sections["programmes"]["DK"],
        title_da="Tryg i parcelhuskvarteret",
        summary_da="Politiet forebygger indbrud med nabohjælp.",
        start_year=2019,
        country="DK",
        original_language="da",
    )
    danish.themes.add(burglary)
    danish.save_revision().publish()
    swedish = make_page(
        sections["programmes"]["SE"],
        title_da="Støtte til familier",
        title_sv="Stöd till familjer",
        summary_da="Kommunen arbejder mod vold i nære relationer.",
        summary_sv="Kommunen arbetar mot våld i nära relationer.",
        start_year=2022,
        end_year=2027,
        country="BOTH",
        original_language="sv",
        status="ended",
    )
    return {"da": danish, "sv": swedish}


def make_page(section, **fields):
    slugs = {
        f"slug_{lang}": f"{fields['title_da'][:20]}-{lang}".lower().replace(" ", "-")
        for lang in LANGUAGES
    }
    page = ProgrammePage(**slugs, **fields)
    with translation.override("da"):
        section.add_child(instance=page)
        page.save_revision().publish()
    return ProgrammePage.objects.get(pk=page.pk)
