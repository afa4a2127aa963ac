from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """The site chrome every app may use: navigation, breadcrumbs, structured data, the
    language switcher, the sitemap and robots.txt, the page-tree routing. It knows no other app."""

    name = "base"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .templatetags.site_tags import forget_navigation

        # Any page may sit just below the home page; forget_navigation looks whether it does.
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(forget_navigation, dispatch_uid=f"navigation-{name}")
        post_delete.connect(forget_navigation, sender=Page, dispatch_uid="navigation-delete")
