"""Personal data is erased after its period, by the command the worker runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.models import Experience, Follow, Proposal, ReviewRequest
from search import periodic

pytestmark = pytest.mark.django_db


def aged(model, days, **fields):
    row = model.objects.create(**fields)
    model.objects.filter(pk=row.pk).update(
        **{("created_at" if model is Follow else "received_at"): timezone.now() - timedelta(days)}
    )
    return row


def test_addresses_are_erased_after_the_retention_period(pages, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    proposal = {"kind": "programme", "title": "T", "description": "D", "place": "P"}
    proposal |= {"country": "DK", "organisation": "O", "language": "da"}
    old = aged(Proposal, 31, email="old@example.org", name="Old", **proposal)
    new = aged(Proposal, 29, email="new@example.org", name="New", **proposal)
    review = aged(
        ReviewRequest, 31, page=pages["da"], topic="facts", reason="R", email="r@example.org"
    )
    experience = aged(
        Experience, 31, page=pages["da"], place="P", start_year=2020, text="T", email="e@ex.org"
    )
    unconfirmed = aged(Follow, 8, email="u@example.org", language="da")
    confirmed = aged(Follow, 400, email="c@example.org", language="da", confirmed_at=timezone.now())

    call_command("delete_expired_personal_data")

    old.refresh_from_db()
    assert (old.email, old.name, old.title) == ("", "", "T")
    assert Proposal.objects.get(pk=new.pk).email == "new@example.org"
    assert ReviewRequest.objects.get(pk=review.pk).email == ""
    assert Experience.objects.get(pk=experience.pk).email == ""
    assert not Follow.objects.filter(pk=unconfirmed.pk).exists()
    assert Follow.objects.filter(pk=confirmed.pk).exists()


def test_the_worker_runs_each_job_on_its_schedule(db, settings):
    settings.WORKER_PERIODIC_JOBS = {
        "retention": ("participation.jobs.delete_expired_personal_data", 3600)
    }
    now = timezone.now()
    assert periodic.run_due(now) == ["retention"]
    assert periodic.run_due(now + timedelta(minutes=59)) == []
    assert periodic.run_due(now + timedelta(minutes=61)) == ["retention"]


def test_a_failing_job_does_not_stop_the_others(db, settings):
    settings.WORKER_PERIODIC_JOBS = {
        "broken": ("participation.no_such_module.job", 60),
        "retention": ("participation.jobs.delete_expired_personal_data", 60),
    }
    assert periodic.run_due() == ["broken", "retention"]
