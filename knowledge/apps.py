from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from base import routing
        from base.content_cache import bump_content_version

        from . import original_language, slug_validation
        from .models import (
            CountrySectionPage,
            MethodIndexPage,
            MethodPage,
            ProgrammeIndexPage,
            ProgrammePage,
        )
        from .models.registries import Registry
        from .models.review import keep_rating
        from .models.taxonomy import Area, Arena, Organisation, Source, TargetGroup, Theme
        from .open_data import files

        routing.install(ProgrammeIndexPage, MethodIndexPage, CountrySectionPage)
        routing.install_url_paths(ProgrammePage, MethodPage)
        slug_validation.install()
        original_language.install()
        files.install()
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal}")
        post_delete.connect(bump_content_version, sender=Page, dispatch_uid="content-version-page")
        for model in (ProgrammePage, MethodPage):
            page_published.connect(keep_rating, sender=model, dispatch_uid=f"rating-{model}")
        for model in (
            Area,
            Arena,
            Organisation,
            Registry,
            Source,
            TargetGroup,
            Theme,
            PageViewRestriction,
        ):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_content_version, sender=model, dispatch_uid=f"content-version-{model}"
                )
