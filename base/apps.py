from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """The site chrome every app may use: navigation, breadcrumbs, structured data, the
    language switcher, the sitemap and robots.txt, the page-tree routing. It knows no other app."""

    name = "base"
    verbose_name = _("Site")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_migrate
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .slug_indexes import add_slug_indexes
        from .templatetags.site_tags import forget_navigation

        # Sent for apps with models only: base has none, the page table is wagtailcore's.
        wagtailcore = apps.get_app_config("wagtailcore")
        post_migrate.connect(add_slug_indexes, sender=wagtailcore, dispatch_uid="slug-indexes")

        # Any page may sit just below the home page; forget_navigation looks whether it does.
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(forget_navigation, dispatch_uid=f"navigation-{name}")
        post_delete.connect(forget_navigation, sender=Page, dispatch_uid="navigation-delete")
