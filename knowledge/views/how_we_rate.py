"""The public "How we rate" page: the scale, what each level requires, and who decides.

Drawn from the same table the admin form applies (`LEVEL_REQUIREMENTS`), so the page cannot
promise a rule the editors do not meet.
"""

from django.shortcuts import render

from ..models.evidence import (
    EMMIE_DIMENSIONS,
    LEVEL_REQUIREMENTS,
    EvidenceLevel,
    EvidenceStrength,
    MarylandScale,
)


def how_we_rate(request):
    levels = [
        {"level": level, "requirement": LEVEL_REQUIREMENTS.get(level)}
        for level in reversed(EvidenceLevel)
    ]
    context = {
        "levels": levels,
        "maryland": MarylandScale,
        "emmie": EMMIE_DIMENSIONS,
        "strengths": EvidenceStrength,
    }
    return render(request, "knowledge/how_we_rate.html", context)
