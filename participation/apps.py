from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """What practitioners send in: proposals, reviews asked for, local experience, follows."""

    name = "participation"
    verbose_name = _("Participation")
