"""What a proposer may upload as a source: a document of an accepted type, of a bounded size.

The type is read from the file's first bytes as well as from its name, so that a program renamed
"report.pdf" is refused. A small table of signatures rather than a library: python-magic needs
the C libmagic, and these formats each start with a fixed mark (PDF, and the ZIP container of
DOCX, ODT, PPTX and XLSX) or are plain text.
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

#: File name endings accepted, and what the file's first bytes must be.
SIGNATURES = {
    "pdf": b"%PDF-",
    "docx": b"PK\x03\x04",
    "odt": b"PK\x03\x04",
    "pptx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "rtf": b"{\\rtf",
    "txt": b"",
}


def validate_source_file(upload):
    """Raise a ValidationError saying what is wrong with the upload; return it when fine."""
    limit = settings.PARTICIPATION_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large: at most %(limit)s.") % {"limit": filesizeformat(limit)}
        )
    ending = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    accepted = ", ".join(sorted(SIGNATURES))
    if ending not in SIGNATURES:
        raise forms.ValidationError(
            _("Files of this type are not accepted. Accepted: %(types)s.") % {"types": accepted}
        )
    head = upload.read(2048)
    upload.seek(0)
    signature = SIGNATURES[ending]
    if not head.startswith(signature) or (ending == "txt" and not is_text(head)):
        raise forms.ValidationError(
            _("The file's content is not a .%(type)s file.") % {"type": ending}
        )
    return upload


def is_text(head):
    """UTF-8 text with no NUL (the first bytes may end inside a character)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return False
    return b"\x00" not in head
