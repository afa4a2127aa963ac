"""A reproducible corpus of programme and method pages, loaded fast but through the models.

`load_corpus(size, seed)` starts from the demo content (home, index pages, country sections,
taxonomy, sources and the real pages of the seed documents) and adds generated pages until
there are `size` programme and method pages. The same seed gives the same pages.

Why not `add_child` and `save_revision().publish()` per page: at 100,000 pages that takes hours.
The fast path writes what those calls write, in bulk, through the models' own fields:

- tree: each page's treebeard `path` (the next step under its country section, built with
  `Page._get_path`), `depth`, and the sections' `numchild`; every translated `url_path_<lang>`
  from the parent's and the page's slug, as `Page.set_url_path` would;
- the page rows: `Page` and then the page type's own table, with every modeltranslation
  column (`title_da` ... `summary_en`), through Django's insert query (`QuerySet._insert`, the
  call `Model.save` makes for each table of a multi-table model, once per batch here);
- the relations editors fill in: partners, goals, studies, sources with a quoted passage,
  themes, target groups, arenas, areas, methods;
- one published revision per page, made from `page.serializable_data()` like `save_revision`,
  with `latest_revision` and `live_revision` pointing at it, and the publish log entry.

What it does not write: Wagtail's reference index and the search indexes. The benchmark builds
the search indexes itself, because that is what it measures. `verify` checks the result with
treebeard's `find_problems` and by rendering pages.
"""

import datetime
import random
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageLogEntry, Revision

from home.demo_content import load_demo_content
from knowledge.demo_content.loader import slug_for
from knowledge.models import (
    Area,
    Arena,
    CountrySectionPage,
    EvidenceLevel,
    MethodIndexPage,
    MethodPage,
    Organisation,
    PageSource,
    ProgrammeGoal,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePartner,
    Source,
    Study,
    StudyDesign,
    TargetGroup,
    Theme,
)

from . import writing
from .vocabulary import LANGUAGES, read_concepts, zipf_weights

BATCH = 1000
#: Share of generated pages that are methods; the rest are programmes.
METHOD_SHARE = 0.25
EDITORS = ["bench-editor-dk", "bench-editor-se"]


@dataclass
class Taxonomy:
    """The snippets pages are tagged with, read once from the database."""

    themes: list
    groups: list
    arenas: list
    areas: dict
    organisations: dict
    sources: list

    @classmethod
    def read(cls):
        def by_country(model):
            items = {"DK": [], "SE": []}
            for item in model.objects.order_by("slug"):
                items[item.country].append(item)
            return items

        return cls(
            themes=list(Theme.objects.order_by("slug")),
            groups=list(TargetGroup.objects.order_by("slug")),
            arenas=list(Arena.objects.order_by("slug")),
            areas=by_country(Area),
            organisations=by_country(Organisation),
            sources=list(Source.objects.order_by("slug")),
        )


class Section:
    """A country section the generated pages go under, with the next free tree step."""

    def __init__(self, page):
        self.page = page
        last = page.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.added = 0

    def place(self, child):
        child.depth = self.page.depth + 1
        child.path = Page._get_path(self.page.path, child.depth, self.next_step)
        for language in LANGUAGES:
            parent_path = getattr(self.page, f"url_path_{language}")
            slug = getattr(child, f"slug_{language}")
            setattr(child, f"url_path_{language}", f"{parent_path}{slug}/")
        child.url_path = child.url_path_da
        self.next_step += 1
        self.added += 1


def sections():
    """`{("programme"|"method", "DK"|"SE"): Section}` for the four country sections."""
    found = {}
    for kind, index_model in (("programme", ProgrammeIndexPage), ("method", MethodIndexPage)):
        index = index_model.objects.get()
        for section in CountrySectionPage.objects.child_of(index):
            found[(kind, section.country)] = Section(section)
    return found


class Generator:
    """Makes unsaved pages with their relations from a seeded random generator."""

    def __init__(self, seed, taxonomy, editors, serial=0):
        self.rng = random.Random(seed)
        self.concepts = read_concepts()
        self.weights = zipf_weights(len(self.concepts))
        self.tax = taxonomy
        self.editors = editors
        self.locale = Locale.get_default()
        self.methods = {"DK": [], "SE": []}
        self.serial = serial

    def words(self, count):
        concepts = self.rng.choices(self.concepts, weights=self.weights, k=count)
        return {lang: [c.word(lang, self.rng) for c in concepts] for lang in LANGUAGES}

    def country(self):
        value = self.rng.choices(["DK", "SE", "BOTH"], weights=[48, 42, 10])[0]
        home = value if value != "BOTH" else self.rng.choice(["DK", "SE"])
        return value, home

    def published(self):
        start = datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC)
        first = start + datetime.timedelta(seconds=self.rng.randrange(11 * 365 * 86400))
        last = first + datetime.timedelta(seconds=self.rng.randrange(2 * 365 * 86400))
        return first, min(last, timezone.now())

    def common(self, page, titles, country, home, words, level):
        self.serial += 1
        first, last = self.published()
        editor = self.editors[home]
        for lang in LANGUAGES:
            setattr(page, f"title_{lang}", titles[lang][:255])
            setattr(page, f"slug_{lang}", f"{slug_for(titles[lang])[:60]}-{self.serial}")
        page.title = page.draft_title = titles["da"][:255]
        page.slug = page.slug_da
        page.country = country
        page.original_language = "sv" if home == "SE" else "da"
        page.evidence_level = level
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at, page.last_published_at = first, last
        page.latest_revision_created_at = last
        page.owner = editor
        page.locale = self.locale
        page.translation_key = uuid.UUID(int=self.rng.getrandbits(128))
        page.numchild = 0
        page.section_country = home
        page.last_reviewed = last.date()
        page.themes = self.rng.sample(self.tax.themes, self.rng.randint(1, 3))
        main = {lang: words[lang][0] for lang in LANGUAGES}
        labels = {}
        for lang in LANGUAGES:
            with translation.override(lang):
                labels[lang] = str(EvidenceLevel(level).label).lower()
        for lang, text in writing.evidence_note(main, labels).items():
            setattr(page, f"evidence_note_{lang}", text)
        page.source_links = [
            PageSource(source=source, passage=writing.passage(main, source.language))
            for source in self.rng.sample(self.tax.sources, self.rng.randint(1, 2))
        ]
        page.studies, page.external_ratings, page.wagtail_admin_comments = [], [], []
        if EvidenceLevel.needs_study(level) or self.rng.random() < 0.2:
            organisation = self.rng.choice(self.tax.organisations[home])
            page.studies = [
                Study(
                    design=self.rng.choice(StudyDesign.values),
                    **writing.study(organisation, titles[page.original_language], first.year, main),
                )
            ]

    def scene(self, home, organisations, group, arena, year):
        """Who, where and for whom a page's sentences name (writing.scene_values)."""
        places = writing.PLACES[home]
        others = [o for o in self.tax.organisations[home] if o not in organisations[:1]]
        return {
            # The second one a sentence names: a partner, else another organisation of the
            # country (one the page's text mentions without it being a partner).
            "organisations": [organisations[0], *(organisations[1:2] or [self.rng.choice(others)])],
            "place": self.rng.choice(places),
            "other_place": self.rng.choice(writing.PLACES["SE" if home == "DK" else "DK"]),
            "group": group,
            "arena": arena,
            "project": self.rng.choice(writing.PROJECT_NAMES),
            "year": year,
            "reached": self.rng.randint(20, 5000),
            "how_often": self.rng.randrange(len(writing.HOW_OFTEN["da"])),
        }

    def level(self):
        return self.rng.choices(list(EvidenceLevel), weights=[1, 3, 30, 25, 20, 15, 6])[0]

    def method(self):
        country, home = self.country()
        words = self.words(2)
        arena = self.rng.choice(self.tax.arenas)
        group = self.rng.choice(self.tax.groups)
        page = MethodPage()
        level = self.level()
        orgs = self.tax.organisations[home]
        scene = self.scene(home, self.rng.sample(orgs, min(len(orgs), 2)), group, arena, 2020)
        titles = writing.method_title(words, arena, self.rng, scene)
        self.common(page, titles, country, home, words, level)
        summary = writing.method_texts(words, arena, group)
        for lang in LANGUAGES:
            page_summary = f"{titles[lang]}. {summary[f'what_it_is_{lang}']}"
            setattr(page, f"summary_{lang}", page_summary)
        for field, text in summary.items():
            setattr(page, field, text)
        self.methods[home].append(page)
        return page

    def programme(self):
        country, home = self.country()
        words = self.words(self.rng.randint(2, 4))
        orgs = self.tax.organisations[home]
        partners = self.rng.sample(orgs, min(len(orgs), self.rng.randint(1, 4)))
        area_pool = self.tax.areas[home]
        if country == "BOTH":
            area_pool = self.tax.areas["DK"] + self.tax.areas["SE"]
        areas = self.rng.sample(area_pool, self.rng.randint(1, 2))
        group = self.rng.choice(self.tax.groups)
        arena = self.rng.choice(self.tax.arenas)
        start = self.rng.randint(2008, 2025)
        ended = self.rng.random() < 0.3
        page = ProgrammePage()
        level = self.level()
        scene = self.scene(home, partners, group, arena, start)
        titles = writing.programme_title(words, areas[0], self.rng, scene)
        self.common(page, titles, country, home, words, level)
        themes = list(page.themes.all())
        for lang, text in writing.programme_summary(words, scene, self.rng).items():
            setattr(page, f"summary_{lang}", text)
        figure = scene["reached"]
        description = writing.programme_description(
            words, arena, themes[0], figure, self.rng, scene
        )
        for lang, blocks in description.items():
            setattr(page, f"description_{lang}", blocks)
        for lang, text in writing.implementation(
            {lang: words[lang][0] for lang in LANGUAGES}, self.rng.randint(2, 12)
        ).items():
            setattr(page, f"implementation_{lang}", text)
        for lang, text in writing.contact(partners[0]).items():
            setattr(page, f"contact_{lang}", text)
        page.prevention_approach = self.rng.choice(ProgrammePage.Approach.values)
        page.prevention_level = self.rng.choice(ProgrammePage.Level.values)
        page.start_year = start
        page.end_year = self.rng.randint(start, 2026) if ended else None
        page.status = ProgrammePage.Status.ENDED if ended else ProgrammePage.Status.ACTIVE
        if self.rng.random() < 0.5:
            page.funding_amount = self.rng.randrange(50_000, 20_000_000, 1000)
            page.funding_currency = "SEK" if home == "SE" else "DKK"
        others = [g for g in self.tax.groups if g != group]
        page.target_groups = [group, *self.rng.sample(others, self.rng.randint(0, 1))]
        page.arenas = [arena]
        page.areas = areas
        known = self.methods[home]
        page.methods = self.rng.sample(known, min(len(known), self.rng.randint(0, 2)))
        roles = [ProgrammePartner.Role.LEAD] + [
            self.rng.choice(["partner", "partner", "funder", "evaluator"]) for _ in partners[1:]
        ]
        page.partners = [
            ProgrammePartner(organisation=org, role=role, sort_order=i)
            for i, (org, role) in enumerate(zip(partners, roles, strict=True))
        ]
        page.goals = [
            ProgrammeGoal(
                sort_order=i,
                **writing.goal(
                    {lang: words[lang][i] for lang in LANGUAGES},
                    areas[0],
                    self.rng.choice([10, 15, 20, 25, 30]),
                ),
            )
            for i in range(2)
        ]
        return page


def editor_users():
    user_model = get_user_model()
    users = {}
    for country, username in zip(("DK", "SE"), EDITORS, strict=True):
        users[country], _created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
    return users


def next_ids(model, count):
    """Primary keys from the table's own sequence (PostgreSQL), so rows can refer to each other
    before they are written: a page to its revision, a revision to its page."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def insert_pages(model, pages):
    """Write the `Page` rows and then the page type's rows, as `save()` does table by table."""
    page_fields = Page._meta.local_concrete_fields
    Page._base_manager._insert(pages, fields=page_fields, using=connection.alias)
    model._base_manager._insert(
        pages, fields=model._meta.local_concrete_fields, using=connection.alias
    )
    for page in pages:
        page._state.adding = False


def insert_relations(model, pages):
    """The child objects and many-to-many links an editor's form would have saved."""
    children = {"source_links": PageSource, "studies": Study}
    links = ["themes"]
    if model is ProgrammePage:
        children |= {"partners": ProgrammePartner, "goals": ProgrammeGoal}
        links += ["target_groups", "arenas", "areas", "methods"]
    for name, child_model in children.items():
        rows = []
        for page in pages:
            for order, child in enumerate(getattr(page, name).all()):
                child.page_id, child.sort_order = page.pk, order
                rows.append(child)
        child_model.objects.bulk_create(rows, batch_size=BATCH)
    for name in links:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
            for page in pages
            for item in getattr(page, name).all()
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)


def insert_revisions(model, pages, revision_ids):
    """One published revision per page, and the publish in the page's history."""
    content_type = ContentType.objects.get_for_model(model)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            pk=revision_id,
            content_type=content_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            user=page.owner,
            created_at=page.last_published_at,
            content=page.serializable_data(),
            object_str=page.title_da,
        )
        for page, revision_id in zip(pages, revision_ids, strict=True)
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                page_id=page.pk,
                revision=revision,
                action="wagtail.publish",
                label=page.title_da,
                timestamp=page.last_published_at,
                user=page.owner,
            )
            for page, revision in zip(pages, revisions, strict=True)
        ],
        batch_size=BATCH,
    )


def save_batch(model, pages, places):
    with transaction.atomic():
        revision_ids = next_ids(Revision, len(pages))
        for page, page_id, revision_id in zip(
            pages, next_ids(Page, len(pages)), revision_ids, strict=True
        ):
            page.id = page.page_ptr_id = page_id
            page.latest_revision_id = page.live_revision_id = revision_id
            places[(PAGE_KINDS[model], page.section_country)].place(page)
        insert_pages(model, pages)
        insert_relations(model, pages)
        insert_revisions(model, pages, revision_ids)


PAGE_KINDS = {ProgrammePage: "programme", MethodPage: "method"}


def existing_pages():
    return ProgrammePage.objects.count() + MethodPage.objects.count()


def load_corpus(size, seed=6, progress=None):
    """Demo content plus generated pages up to `size` programme and method pages in all."""
    load_demo_content()
    missing = size - existing_pages()
    if missing <= 0:
        return 0
    # Growing a corpus continues from where it is: a stream of its own per starting size.
    existing = existing_pages()
    generator = Generator(f"{seed}-{existing}", Taxonomy.read(), editor_users(), serial=existing)
    places = sections()
    methods = round(missing * METHOD_SHARE)
    plan = [(MethodPage, methods), (ProgrammePage, missing - methods)]
    done = 0
    with translation.override("da"):
        for model, count in plan:
            make = generator.method if model is MethodPage else generator.programme
            for start in range(0, count, BATCH):
                pages = [make() for _ in range(min(BATCH, count - start))]
                save_batch(model, pages, places)
                done += len(pages)
                if progress:
                    progress(len(pages))
    for section in places.values():
        Page.objects.filter(pk=section.page.pk).update(numchild=section.page.get_children().count())
    return done
