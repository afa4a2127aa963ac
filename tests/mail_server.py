"""A real SMTP server on the loopback (aiosmtpd, in a thread of the test process), and the site's
mailer pointed at it: the `smtp` fixture (tests/conftest.py); `smtp.messages` are the mails it
received, parsed."""

import email
import email.policy
import socket
import time

from aiosmtpd.controller import Controller


class Inbox:
    """Keeps every mail the server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"

    def wait_for(self, count, seconds=10):
        """The mails once there are `count` of them (delivery is asynchronous)."""
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, f"{len(self.messages)} mails, expected {count}"
        return self.messages


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(settings):
    """Start the server, point the mailer at it, and yield its inbox until the test ends."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    try:
        yield inbox
    finally:
        controller.stop()
