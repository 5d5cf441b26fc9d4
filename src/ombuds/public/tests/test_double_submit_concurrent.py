"""Two sends of the same form at the same moment, on PostgreSQL: still one request.

Both requests run in their own thread with their own database connection; the unique
submission key makes the loser roll back its case and show the winner's confirmation."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from ombuds.cases.models import Case, Person
from ombuds.public.models import WebRequest
from ombuds.public.tests.test_request_form import URL, filled, form_key


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_sends_of_one_form_make_one_case(office):
    data = filled(form_key(Client()))
    barrier = threading.Barrier(2)
    statuses = []

    def send():
        try:
            client = Client()
            barrier.wait()
            statuses.append(client.post(URL, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [302, 302]
    assert Case.objects.count() == 1
    assert WebRequest.objects.count() == 1
    assert Person.objects.filter(name="Fenna Bosgraaf").count() == 1
