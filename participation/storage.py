"""Where the files proposers upload are kept: apart from the public media, served to no one.

They are unvetted files from the public and may hold personal data, so they are not under
`MEDIA_ROOT`/`MEDIA_URL` (which a web server may serve as they are) but in the storage named
`participation_uploads` in `STORAGES`, a folder of its own (`PARTICIPATION_UPLOADS_ROOT`).
Signed-in editors fetch one through the admin (`admin_views.source_file`).
"""

from django.core.files.storage import storages


def private_uploads():
    """The storage, as a callable so that migrations name it rather than copy its settings."""
    return storages["participation_uploads"]
