"""The admin's own views of participation: a proposal's source file, for editors only.

The file came from the public unvetted, so it is sent as a download (`attachment`), as bytes
(`application/octet-stream`, `nosniff`), never rendered by the browser in the admin's origin.
"""

from pathlib import PurePath

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .models import Proposal

#: Any of these lets a user read proposals in the admin, and so their files.
READ_PERMISSIONS = ("participation.view_proposal", "participation.change_proposal")


def source_file(request, pk):
    if not any(request.user.has_perm(permission) for permission in READ_PERMISSIONS):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal.objects.exclude(source_file=""), pk=pk)
    try:
        handle = proposal.source_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is gone.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=PurePath(proposal.source_file.name).name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
