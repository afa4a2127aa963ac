"""The knowledge model: programmes, methods, their evidence, and the taxonomy that links them."""

from .evidence import EvidenceLevel, ExternalRating, Study, StudyDesign
from .exports import ExportState
from .pages import (
    CountrySectionPage,
    MethodIndexPage,
    MethodPage,
    PageSource,
    ProgrammeGoal,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePartner,
)
from .registries import Registry, RegistryLabel
from .sites import ImplementationSite
from .taxonomy import Area, Arena, Country, Organisation, Source, TargetGroup, Theme

__all__ = [
    "Area",
    "Arena",
    "Country",
    "CountrySectionPage",
    "EvidenceLevel",
    "ExportState",
    "ExternalRating",
    "ImplementationSite",
    "MethodIndexPage",
    "MethodPage",
    "Organisation",
    "PageSource",
    "ProgrammeGoal",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammePartner",
    "Registry",
    "RegistryLabel",
    "Source",
    "Study",
    "StudyDesign",
    "TargetGroup",
    "Theme",
]
