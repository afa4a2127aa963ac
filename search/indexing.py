"""From pages to index documents, and keeping the index equal to the published pages.

`page_to_document` is pure (no engine needed) so it can be tested on its own. The index lives
behind an alias: a rebuild fills a fresh index and then swaps the alias in one atomic call, so
search keeps answering from the old index until the new one is complete.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from elasticsearch import helpers

from knowledge.models import MethodPage, ProgrammePage

from .client import get_client
from .documents import LANGUAGES, page_index
from .thesaurus import synonym_rules

PAGE_TYPES = {ProgrammePage: "programme", MethodPage: "method"}
BODY_FIELDS = {
    ProgrammePage: ["funding_note", "implementation", "evidence_note", "contact"],
    MethodPage: ["what_it_is", "mechanism", "when_to_use", "requirements", "evidence_note"],
}
MAX_YEARS = 60
#: A rebuild's bulk requests may take longer than a search may (a busy node, big chunks).
BULK_TIMEOUT = 120


def alias_name():
    return settings.ELASTICSEARCH_INDEX


def indexed_pages(ids=None):
    """Live programme and method pages (all, or those of `ids`) with their relations prefetched."""
    common = ["themes", "source_links__source"]
    programmes = ProgrammePage.objects.live().prefetch_related(
        *common,
        "target_groups",
        "arenas",
        "areas",
        "goals",
        "methods",
        "partners__organisation",
    )
    methods = MethodPage.objects.live().prefetch_related(*common)
    if ids is not None:
        programmes, methods = programmes.filter(pk__in=ids), methods.filter(pk__in=ids)
    yield from programmes.iterator(chunk_size=500)
    yield from methods.iterator(chunk_size=500)


def stream_text(stream):
    """The readable text of a description StreamField, without markup."""
    parts = []
    for block in stream or []:
        if block.block_type == "text":
            parts.append(strip_tags(block.value.source))
        elif block.block_type == "quote":
            parts += [block.value["text"], block.value["attribution"]]
        elif block.block_type == "figures":
            parts += [f"{item['figure']} {item['label']}" for item in block.value]
    return "\n".join(part for part in parts if part)


def _names(terms, language):
    return [getattr(term, f"name_{language}") or term.name for term in terms]


def _prevention(page):
    approach = {"both": ["social", "situational"]}.get(
        page.prevention_approach, [page.prevention_approach]
    )
    return [value for value in [*approach, page.prevention_level] if value]


def _years(page):
    if not page.start_year:
        return []
    end = page.end_year or max(timezone.now().year, page.start_year)
    return list(range(page.start_year, min(end, page.start_year + MAX_YEARS) + 1))


def _page_url(page, language):
    with translation.override(language):
        return page.get_url()


def countries(page):
    """The country facet values of a page: a page for both countries counts in each."""
    return ["DK", "SE"] if page.country == "BOTH" else [page.country]


def listed_fields(page):
    """What a result list shows of a page, in every language (also the database fallback's)."""
    fields = {
        "page_id": page.pk,
        "type": PAGE_TYPES[type(page)],
        "original_language": page.original_language,
        "country": countries(page),
        "evidence_level": page.evidence_level,
    }
    for language in LANGUAGES:
        fields |= {
            f"title_{language}": getattr(page, f"title_{language}") or "",
            f"summary_{language}": getattr(page, f"summary_{language}") or "",
            f"url_{language}": _page_url(page, language),
        }
    return fields


def page_to_document(page):
    """The index document of a programme or method page, with every language side by side."""
    model = type(page)
    is_programme = model is ProgrammePage
    themes = list(page.themes.all())
    tagged = [themes]
    if is_programme:
        organisations = [partner.organisation for partner in page.partners.all()]
        tagged += [
            page.target_groups.all(),
            page.arenas.all(),
            page.areas.all(),
            organisations,
        ]
    doc = {
        "_id": page.pk,
        **listed_fields(page),
        "last_published_at": page.last_published_at,
        "themes": [term.slug for term in themes],
        "suggest": [t for t in (getattr(page, f"title_{lang}") for lang in LANGUAGES) if t],
    }
    if is_programme:
        doc |= {
            "areas": [area.slug for area in page.areas.all()],
            "target_groups": [term.slug for term in page.target_groups.all()],
            "arenas": [term.slug for term in page.arenas.all()],
            "prevention": _prevention(page),
            "status": page.status,
            "organisations": sorted({org.slug for org in organisations}),
            "years": _years(page),
        }
    for language in LANGUAGES:
        body = [getattr(page, f"{name}_{language}") or "" for name in BODY_FIELDS[model]]
        if is_programme:
            body.insert(0, stream_text(getattr(page, f"description_{language}")))
            body += [getattr(goal, f"text_{language}") or "" for goal in page.goals.all()]
            body += [getattr(m, f"title_{language}") or "" for m in page.methods.all()]
        doc |= {
            f"body_{language}": "\n".join(text for text in body if text),
            f"tags_{language}": [name for terms in tagged for name in _names(terms, language)],
        }
    return doc


def _actions(index, pages):
    for page in pages:
        yield {"_index": index, **page_to_document(page)}


@dataclass
class RebuildResult:
    index: str
    indexed: int
    previous: list = field(default_factory=list)


def create_index(name):
    page_index(name, synonym_rules()).create(using=get_client())


def current_indices():
    client = get_client()
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return sorted(client.indices.get_alias(name=alias_name()))


def rebuild(progress=None):
    """Build a new index from every live page, then point the alias at it in one step."""
    client = get_client()
    name = f"{alias_name()}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
    create_index(name)
    pages = indexed_pages()
    indexed = 0
    for ok, _item in helpers.streaming_bulk(
        client.options(request_timeout=BULK_TIMEOUT),
        _actions(name, pages),
        chunk_size=500,
        raise_on_error=True,
    ):
        indexed += ok
        if progress:
            progress(1)
    client.indices.refresh(index=name)
    previous = current_indices()
    actions = [{"add": {"index": name, "alias": alias_name()}}]
    actions += [{"remove": {"index": old, "alias": alias_name()}} for old in previous]
    client.indices.update_aliases(actions=actions)
    drop_retired(keep=[name, *previous])
    reconcile()
    return RebuildResult(index=name, indexed=indexed, previous=previous)


def drop_retired(keep):
    """Delete the indices that stopped serving at an earlier rebuild than the last one.

    The index the alias has just left stays until the next rebuild: a search that resolved the
    alias before the swap may still be reading it, and deleting it under that search fails it.
    """
    client = get_client()
    built = client.indices.get(index=f"{alias_name()}-*", expand_wildcards="open")
    retired = [name for name in built if name not in keep]
    if retired:
        client.indices.delete(index=",".join(retired))


def index_page_ids(page_ids):
    """Bring the entries of these pages up to date: index the live ones, delete the rest."""
    ids = set(page_ids)
    live = list(indexed_pages(ids))
    actions = [{"_index": alias_name(), **page_to_document(page)} for page in live]
    gone = ids - {page.pk for page in live}
    actions += [{"_op_type": "delete", "_index": alias_name(), "_id": pk} for pk in gone]
    if actions:
        _ok, errors = helpers.bulk(get_client(), actions, raise_on_error=False, refresh="wait_for")
        failures = [error for error in errors if error.get("delete", {}).get("status") != 404]
        if failures:
            raise helpers.BulkIndexError(f"{len(failures)} documents failed", failures)
    return len(live), len(gone)


@dataclass
class CheckResult:
    missing: list
    stale: list
    orphaned: list

    @property
    def ok(self):
        return not (self.missing or self.stale or self.orphaned)


def _published_at(value):
    return value.isoformat() if value else None


def check():
    """Compare the index with the database: pages missing, out of date, or no longer live."""
    live = {}
    for model in PAGE_TYPES:
        live |= dict(model.objects.live().values_list("pk", "last_published_at"))
    indexed = {
        int(hit["_id"]): hit["_source"].get("last_published_at")
        for hit in helpers.scan(
            get_client(), index=alias_name(), _source=["last_published_at"], size=1000
        )
    }
    return CheckResult(
        missing=sorted(set(live) - set(indexed)),
        stale=sorted(
            pk
            for pk in set(live) & set(indexed)
            if _published_at(live[pk]) != _published_at_from_index(indexed[pk])
        ),
        orphaned=sorted(set(indexed) - set(live)),
    )


def _published_at_from_index(value):
    return datetime.datetime.fromisoformat(value).isoformat() if value else None


def reconcile():
    """Fix whatever `check` finds; used after a rebuild for changes made while it ran."""
    result = check()
    if not result.ok:
        index_page_ids([*result.missing, *result.stale, *result.orphaned])
    return result
