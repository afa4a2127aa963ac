"""Page events that change what search must show, wired to the indexing queue."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from base.content_cache import bump_content_version
from knowledge.models import MethodPage, ProgrammePage

from .models import ThesaurusConcept
from .queue import enqueue, enqueue_rebuild

INDEXED_MODELS = (ProgrammePage, MethodPage)


def page_changed(sender, instance, **kwargs):
    if isinstance(instance, INDEXED_MODELS):
        enqueue([instance.pk])


def reindex_below(pages):
    """Queue the indexed pages at or below `pages` (a queryset).

    What the public may see of them may have changed: the content version is bumped after
    `enqueue`, so its commit-time bump comes after the drain, and the similar block (whose
    entries carry the version) drops what it read from the index before the change reached it.
    """
    below = Q(pk__in=[])
    for path in pages.values_list("path", flat=True):
        below |= Q(path__startswith=path)
    enqueue(list(Page.objects.filter(below).type(*INDEXED_MODELS).values_list("pk", flat=True)))
    bump_content_version()


def page_moved(sender, instance, **kwargs):
    """A move changes the URL of the page and of everything below it, and may put them under
    a view restriction or take them out of one."""
    reindex_below(Page.objects.filter(pk=instance.pk))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction added or removed hides or shows its page and every page below it,
    and below each alias of it (Wagtail asks for the source page's password there too)."""
    reindex_below(Page.objects.filter(Q(pk=instance.page_id) | Q(alias_of=instance.page_id)))


def thesaurus_changed(sender, raw=False, **kwargs):
    """An editor's change to the thesaurus queues a rebuild. Rows loaded raw (fixtures, the
    test database's serialized rows) queue nothing: a restore queues its own rebuild."""
    if not raw:
        enqueue_rebuild()


def connect():
    page_published.connect(page_changed, dispatch_uid="search-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-moved")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="restriction-saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="restriction-deleted"
    )
    for model in INDEXED_MODELS:
        post_delete.connect(page_changed, sender=model, dispatch_uid=f"search-deleted-{model}")
    post_save.connect(thesaurus_changed, sender=ThesaurusConcept, dispatch_uid="thesaurus-saved")
    post_delete.connect(
        thesaurus_changed, sender=ThesaurusConcept, dispatch_uid="thesaurus-deleted"
    )
