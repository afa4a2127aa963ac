"""From pages to index documents, and keeping the index equal to the published pages.

`page_to_document` is pure (no engine needed) so it can be tested on its own. The index lives
behind an alias: a rebuild fills a fresh index and then swaps the alias in one atomic call, so
search keeps answering from the old index until the new one is complete.
"""

import datetime
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import batched
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from elasticsearch import helpers
from wagtail.models import Page

from base.languages import LANGUAGES, in_language
from base.visibility import publicly_visible
from knowledge.models import (
    Area,
    Arena,
    ImplementationSite,
    MethodPage,
    Organisation,
    ProgrammeGoal,
    ProgrammePage,
    Registry,
    TargetGroup,
    Theme,
)

from .client import get_client
from .compounds import compound_parts
from .documents import page_index
from .thesaurus import synonym_rules

PAGE_TYPES = {ProgrammePage: "programme", MethodPage: "method"}
BODY_FIELDS = {
    ProgrammePage: ["funding_note", "implementation", "evidence_note", "contact"],
    MethodPage: ["what_it_is", "mechanism", "when_to_use", "requirements", "evidence_note"],
}
MAX_YEARS = 60
#: A rebuild's bulk requests may take longer than a search may (a busy node, big chunks).
BULK_TIMEOUT = 120
#: Bulk requests a rebuild keeps in flight, and documents per request.
BULK_THREADS = 2
BULK_CHUNK_SIZE = 500


def alias_name():
    return settings.ELASTICSEARCH_INDEX


#: Pages per database round: their relations are read in one query per relation.
CHUNK_SIZE = 500
TERM_FIELDS = ["slug", *(f"name_{language}" for language in LANGUAGES)]
#: What a document reads of each relation of a page: `(model, page lookup, fields, order)`.
#: Rows, not model instances: a rebuild reads tens of thousands of them. Inline items without
#: an editor's order (`sort_order` empty) keep the order they were added in.
RELATIONS = {
    ProgrammePage: {
        "themes": (Theme, "programmepage", TERM_FIELDS, None),
        "target_groups": (TargetGroup, "programmepage", TERM_FIELDS, None),
        "arenas": (Arena, "programmepage", TERM_FIELDS, None),
        "areas": (Area, "programmepage", TERM_FIELDS, None),
        "organisations": (
            Organisation,
            "programme_roles__page",
            TERM_FIELDS,
            ["programme_roles__sort_order", "programme_roles__pk"],
        ),
        "goals": (
            ProgrammeGoal,
            "page",
            [f"text_{language}" for language in LANGUAGES],
            ["sort_order", "pk"],
        ),
        "methods": (
            MethodPage,
            "programmes",
            [f"title_{language}" for language in LANGUAGES],
            None,
        ),
    },
    MethodPage: {"themes": (Theme, "methodpage", TERM_FIELDS, None)},
}
#: What programme and method pages both have: where they have run, and which other registries
#: rated them (only registries in the list: a registry typed in by hand has no slug to filter on).
SHARED_RELATIONS = {
    "sites": (ImplementationSite, "page", ["area_id"], ["sort_order", "pk"]),
    "registries": (Registry, "labels__ratings__page", ["slug"], ["name"]),
}
for relations in RELATIONS.values():
    relations |= SHARED_RELATIONS


def related_rows(model, page_ids):
    """`{page id: {relation: [row, ...]}}` of what the documents of these pages read.

    A page's `site_areas` are the areas of its implementation sites with every area they are
    part of (a site in Linköping has also run in Östergötland and in Sweden), read with the
    whole area tree in one query.
    """
    rows = {pk: {relation: [] for relation in RELATIONS[model]} for pk in page_ids}
    for relation, (related, lookup, fields, order) in RELATIONS[model].items():
        queryset = related._default_manager.filter(**{f"{lookup}__in": page_ids})
        if order:
            queryset = queryset.order_by(*order)
        for row in queryset.values(lookup, *fields):
            rows[row.pop(lookup)][relation].append(row)
    tree = area_tree() if any(row["sites"] for row in rows.values()) else {}
    for row in rows.values():
        row["site_areas"] = site_areas(row.pop("sites"), tree)
    return rows


def area_tree():
    """Every area by id, with its parent's id: the few hundred areas of two countries."""
    return {row["id"]: row for row in Area.objects.values("id", "parent_id", *TERM_FIELDS)}


def site_areas(sites, tree):
    """The areas the sites are in, and the areas those are part of, each once, in site order."""
    found = {}
    for site in sites:
        area_id = site["area_id"]
        while area_id is not None and area_id not in found:
            found[area_id] = tree[area_id]
            area_id = tree[area_id]["parent_id"]
    return list(found.values())


class PageUrls:
    """The URL of a page in each language: its parent's URL (asked of Wagtail once) plus its slug.

    Wagtail's `get_url()` resolves the site and reverses the URL pattern for every page and
    language; the pages of a rebuild sit under a handful of country sections.
    """

    def __init__(self):
        self._parents = {}

    def load(self, pages):
        """Ask Wagtail, in one query, for the URLs of the parents of `pages` not yet known."""
        missing = {_parent_path(page) for page in pages} - self._parents.keys()
        for parent in Page.objects.filter(path__in=missing):
            self._parents[parent.path] = {
                language: _wagtail_url(parent, language) for language in LANGUAGES
            }

    def url(self, page, language):
        if _parent_path(page) not in self._parents:
            self.load([page])
        parent_url = self._parents[_parent_path(page)][language]
        if parent_url is None:
            return None
        # The slug the page's path in this language ends in (base.routing.set_url_path).
        return f"{parent_url}{quote(in_language(page, 'slug', language).text)}/"


def _parent_path(page):
    return page.path[: -page.steplen]


def _wagtail_url(page, language):
    with translation.override(language):
        return page.get_url()


def documents(ids=None):
    """The documents of the publicly visible programme and method pages (all, or of `ids`)."""
    urls = PageUrls()
    for model in PAGE_TYPES:
        pages = publicly_visible(model.objects)
        if ids is not None:
            pages = pages.filter(pk__in=ids)
        for chunk in batched(pages.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE, strict=False):
            related = related_rows(model, [page.pk for page in chunk])
            urls.load(chunk)
            for page in chunk:
                yield page_to_document(page, related[page.pk], urls)


def stream_text(stream):
    """The readable text of a description StreamField, without markup.

    Read from the stored JSON (`raw_data`): turning every block into its Python value first
    costs a rebuild more than all the rest of a document.
    """
    parts = []
    for block in stream.raw_data if stream else []:
        value = block["value"]
        if block["type"] == "text":
            parts.append(strip_tags(value))
        elif block["type"] == "quote":
            parts += [value.get("text"), value.get("attribution")]
        elif block["type"] == "figures":
            parts += [f"{item['figure']} {item['label']}" for item in map(_list_item, value)]
    return "\n".join(part for part in parts if part)


def _list_item(item):
    """A ListBlock item's value, stored as the value itself or (since Wagtail 2.16) wrapped."""
    if isinstance(item, dict) and item.get("type") == "item" and "id" in item and "value" in item:
        return item["value"]
    return item


def _names(terms, language, original):
    """Each term's name as a reader of `language` sees it on the page (`in_language`)."""
    return [in_language(term, "name", language, original).text for term in terms]


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


def countries(page):
    """The country facet values of a page: a page for both countries counts in each."""
    return ["DK", "SE"] if page.country == "BOTH" else [page.country]


def listed_fields(page, urls=None):
    """What a result list shows of a page, in every language (also the database fallback's)."""
    urls = urls or PageUrls()
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
            f"url_{language}": urls.url(page, language),
        }
    return fields


def page_to_document(page, related=None, urls=None):
    """The index document of a programme or method page, with every language side by side.

    `related` is the page's entry of `related_rows` and `urls` a `PageUrls`; both are read
    here when not given (a rebuild passes them to read many pages at once).
    """
    model = type(page)
    is_programme = model is ProgrammePage
    if related is None:
        related = related_rows(model, [page.pk])[page.pk]
    themes = related["themes"]
    tagged = [themes]
    if is_programme:
        tagged += [related[name] for name in ["target_groups", "arenas", "areas", "organisations"]]
    tagged.append(related["site_areas"])
    doc = {
        "_id": page.pk,
        **listed_fields(page, urls),
        "last_published_at": page.last_published_at,
        "themes": [term["slug"] for term in themes],
        "site_areas": [area["slug"] for area in related["site_areas"]],
        "registries": list(dict.fromkeys(row["slug"] for row in related["registries"])),
        "cost_band": page.cost_band or None,
        "effect_strength": page.emmie_effect_strength or None,
        "suggest": [t for t in (getattr(page, f"title_{lang}") for lang in LANGUAGES) if t],
    }
    if is_programme:
        doc |= {
            "areas": [area["slug"] for area in related["areas"]],
            "target_groups": [term["slug"] for term in related["target_groups"]],
            "arenas": [term["slug"] for term in related["arenas"]],
            "prevention": _prevention(page),
            "status": page.status,
            "organisations": sorted({org["slug"] for org in related["organisations"]}),
            "years": _years(page),
        }
    for language in LANGUAGES:
        body = [getattr(page, f"{name}_{language}") or "" for name in BODY_FIELDS[model]]
        if is_programme:
            body.insert(0, stream_text(getattr(page, f"description_{language}")))
            body += [goal[f"text_{language}"] or "" for goal in related["goals"]]
            body += [method[f"title_{language}"] or "" for method in related["methods"]]
        doc |= {
            f"body_{language}": "\n".join(text for text in body if text),
            f"tags_{language}": [
                name for terms in tagged for name in _names(terms, language, page.original_language)
            ],
        }
    return doc


def _actions(index, docs):
    for doc in docs:
        yield {"_index": index, **doc}


@dataclass
class RebuildResult:
    index: str
    indexed: int
    previous: list = field(default_factory=list)


#: Index settings while a rebuild fills a new index, the usual ones for a bulk load: no
#: refresh between bulk requests and no replica to copy each document to. `serving_settings`
#: puts back what `documents.page_index` configures before the index starts serving.
BULK_LOAD_SETTINGS = {"refresh_interval": "-1", "number_of_replicas": 0}


def serving_settings():
    return {"refresh_interval": None, "number_of_replicas": settings.ELASTICSEARCH_REPLICAS}


def create_index(name, **index_settings):
    index = page_index(name, synonym_rules(), compound_parts())
    index.settings(**index_settings)
    index.create(using=get_client())


def current_indices():
    client = get_client()
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return sorted(client.indices.get_alias(name=alias_name()))


def _send_in_parallel(client, actions):
    """Send the actions in bulk requests, yielding how many each indexed.

    The documents are built here, in the calling thread (which owns the database connection),
    while up to `BULK_THREADS` earlier requests wait on Elasticsearch in other threads.
    """
    with ThreadPoolExecutor(max_workers=BULK_THREADS) as pool:
        in_flight = deque()
        for chunk in batched(actions, BULK_CHUNK_SIZE, strict=False):
            if len(in_flight) == BULK_THREADS:
                yield in_flight.popleft().result()[0]
            in_flight.append(pool.submit(helpers.bulk, client, chunk, chunk_size=len(chunk)))
        while in_flight:
            yield in_flight.popleft().result()[0]


def rebuild(progress=None):
    """Build a new index from every visible page, then point the alias at it in one step."""
    client = get_client()
    name = f"{alias_name()}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
    slow_client = client.options(request_timeout=BULK_TIMEOUT)
    create_index(name, **BULK_LOAD_SETTINGS)
    indexed = 0
    for sent in _send_in_parallel(slow_client, _actions(name, documents())):
        indexed += sent
        if progress:
            progress(sent)
    slow_client.indices.put_settings(index=name, settings=serving_settings())
    # The first refresh makes the whole new index searchable at once, which takes a while.
    slow_client.indices.refresh(index=name)
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
    """Bring the entries of these pages up to date: index the visible ones, delete the rest."""
    ids = set(page_ids)
    actions = list(_actions(alias_name(), documents(ids)))
    live = {action["_id"] for action in actions}
    gone = ids - live
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
    """Compare the index with the database: pages missing, out of date, or no longer visible."""
    live = {}
    for model in PAGE_TYPES:
        live |= dict(publicly_visible(model.objects).values_list("pk", "last_published_at"))
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
