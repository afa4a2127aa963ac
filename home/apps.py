from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from knowledge import routing
        from knowledge.models import MethodIndexPage, ProgrammeIndexPage

        from .models import HomePage
        from .templatetags.site_tags import forget_navigation

        routing.install(HomePage)
        for model in (ProgrammeIndexPage, MethodIndexPage):
            for signal in (page_published, page_unpublished, post_page_move, post_delete):
                signal.connect(forget_navigation, sender=model, dispatch_uid=f"navigation-{model}")
