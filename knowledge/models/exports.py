"""When the published content last changed, for the worker that writes the open-data exports."""

from django.db import models


class ExportState(models.Model):
    """One row: the last change the exports must show, and when the exports were last written.

    `changed_at` is written in the same transaction as the publish, unpublish or taxonomy edit,
    so no change is missed; `written_at` is when the worker began writing the current files.
    """

    changed_at = models.DateTimeField(null=True)
    written_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"changed {self.changed_at}, written {self.written_at}"
