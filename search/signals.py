"""Page events that change what search must show, wired to the indexing queue."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from knowledge.models import MethodPage, ProgrammePage

from .models import ThesaurusConcept
from .queue import enqueue, enqueue_rebuild

INDEXED_MODELS = (ProgrammePage, MethodPage)


def page_changed(sender, instance, **kwargs):
    if isinstance(instance, INDEXED_MODELS):
        enqueue([instance.pk])


def page_moved(sender, instance, **kwargs):
    """A move changes the URL of the page and of everything below it."""
    descendants = instance.get_descendants(inclusive=True).type(*INDEXED_MODELS)
    enqueue(list(descendants.values_list("pk", flat=True)))


def thesaurus_changed(sender, **kwargs):
    enqueue_rebuild()


def connect():
    page_published.connect(page_changed, dispatch_uid="search-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-moved")
    for model in INDEXED_MODELS:
        post_delete.connect(page_changed, sender=model, dispatch_uid=f"search-deleted-{model}")
    post_save.connect(thesaurus_changed, sender=ThesaurusConcept, dispatch_uid="thesaurus-saved")
    post_delete.connect(
        thesaurus_changed, sender=ThesaurusConcept, dispatch_uid="thesaurus-deleted"
    )
