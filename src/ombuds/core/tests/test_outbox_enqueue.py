import pytest

from ombuds.core.models import OutboxMessage
from ombuds.core.outbox import outbox_enqueue


@pytest.mark.django_db
def test_enqueueing_stores_a_pending_message_with_a_unique_message_id():
    first = outbox_enqueue(to="a@example.org", subject="Onderwerp", body="Tekst")
    second = outbox_enqueue(to="a@example.org", subject="Onderwerp", body="Tekst")
    assert first.status == OutboxMessage.Status.PENDING
    assert first.message_id != second.message_id and first.message_id.startswith("<")
