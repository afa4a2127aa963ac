"""What the search app stores in the database: thesaurus, indexing queue, the worker's beat."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from base.languages import LANGUAGES

TERM_SEPARATOR = "|"


class ThesaurusConcept(models.Model):
    """One idea of the prevention field named in Danish, Swedish and English.

    A query containing any of the terms also matches the others, so that "inbrott" finds pages
    about "indbrud". Editors add and change concepts in the admin; the search engine picks the
    change up without reindexing.
    """

    concept = models.SlugField(_("concept"), max_length=100, unique=True)
    terms_da = models.CharField(_("Danish terms"), max_length=500)
    terms_sv = models.CharField(_("Swedish terms"), max_length=500)
    terms_en = models.CharField(_("English terms"), max_length=500)

    panels = [
        FieldPanel("concept"),
        FieldPanel("terms_da"),
        FieldPanel("terms_sv"),
        FieldPanel("terms_en"),
    ]

    class Meta:
        ordering = ["concept"]
        verbose_name = _("thesaurus concept")
        verbose_name_plural = _("thesaurus")

    def __str__(self):
        return self.concept

    def terms(self):
        """Every term of every language, lower-cased, without duplicates, in order."""
        found = []
        for code in LANGUAGES:
            for term in getattr(self, f"terms_{code}").split(TERM_SEPARATOR):
                term = " ".join(term.lower().split())
                if term and term not in found:
                    found.append(term)
        return found


class IndexTask(models.Model):
    """A page whose index entry must be brought up to date.

    Written in the same database transaction as the page change, so no change is lost when
    Elasticsearch is down: the worker retries until the engine takes it. A drain claims tasks
    for a while (`claimed_until`) in a short transaction and talks to the engine outside it;
    when a drain dies on the way, its claim runs out and another drain takes the tasks.
    """

    page_id = models.PositiveIntegerField(
        null=True,
        db_index=True,
        help_text="Empty: rebuild the whole index (the thesaurus changed).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=255, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"page {self.page_id}" if self.page_id else "full rebuild"


class WorkerBeat(models.Model):
    """The indexing worker's last round, written at the end of each: `/healthz` reads it.

    In the database, not the cache, so that every web process sees the same worker.
    """

    name = models.CharField(max_length=50, unique=True)
    beat_at = models.DateTimeField()
    ok = models.BooleanField()
    error = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
