from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from base import routing

        from . import slug_validation
        from .models import CountrySectionPage, MethodIndexPage, ProgrammeIndexPage

        routing.install(ProgrammeIndexPage, MethodIndexPage, CountrySectionPage)
        slug_validation.install()
