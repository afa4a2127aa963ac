"""The mails the site sends to visitors, each in the visitor's language, through Django's mail.

The SMTP server comes from the environment (`EMAIL_HOST` ..., config/settings/base.py). Links
are absolute on `WAGTAILADMIN_BASE_URL`, the address Wagtail's own notification mails use, as
the worker that sends the digests has no request to take a host from.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override


def absolute(url):
    """A path on the site as a full address (a page's URL may be full already)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send(template, to, language, context, headers=None):
    """Render `participation/mail/<template>.txt` (first line the subject) and send it."""
    with override(language):
        subject, body = render_to_string(f"participation/mail/{template}.txt", context).split(
            "\n", 1
        )
    EmailMessage(subject.strip(), body.lstrip("\n"), to=[to], headers=headers).send()


def follow_links(follow):
    with override(follow.language):
        return {
            "confirm_url": absolute(reverse("participation:confirm", args=[follow.token])),
            "unsubscribe_url": absolute(reverse("participation:unsubscribe", args=[follow.token])),
        }


def unsubscribe_headers(url):
    """RFC 8058: a mail program may offer its own unsubscribe button, which posts to the link."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def proposal_received(proposal):
    send("proposal_received", proposal.email, proposal.language, {"proposal": proposal})


def proposal_published(proposal):
    with override(proposal.language):
        url = absolute(proposal.page.specific.get_url() or "/")
    send(
        "proposal_published", proposal.email, proposal.language, {"proposal": proposal, "url": url}
    )


def confirm_follow(follow, description):
    links = follow_links(follow)
    context = {"description": description, **links}
    send("follow_confirm", follow.email, follow.language, context)


def digest(follow, description, pages):
    links = follow_links(follow)
    context = {"description": description, "pages": pages, **links}
    send(
        "digest",
        follow.email,
        follow.language,
        context,
        unsubscribe_headers(links["unsubscribe_url"]),
    )
