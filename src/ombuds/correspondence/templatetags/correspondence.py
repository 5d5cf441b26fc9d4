"""The "Brieven" section of the case page (``{% load correspondence %}``); ``cases`` never
imports ``correspondence``, its template calls this tag."""

from __future__ import annotations

from collections import defaultdict

from django import template

from ombuds.core.models import OutboxMessage
from ombuds.correspondence.models import Addressee, Letter

register = template.Library()

#: What the "Aan" column adds to a recipient's name (nothing for the resident).
ROLES = {Addressee.REPRESENTATIVE: "vertegenwoordiger", Addressee.PARTY: "partij",
         Addressee.RESPONDENT: "beklaagde"}


def _send_states(case, letters: list[Letter]) -> None:
    """Give every e-mailed letter the state of its outbox message. The two are written in one
    transaction, oldest first, with the same attachment name, so they pair up in order. The
    outbox is read only when a letter went by e-mail."""
    for letter in letters:
        letter.send_state = ""
    if not any(letter.channel == Letter.Channel.EMAIL and letter.pdf is not None
               for letter in letters):
        return
    queues = defaultdict(list)
    for message in OutboxMessage.objects.filter(case=case).only(
            "status", "attachment_name", "created_at").order_by("created_at", "id"):
        queues[message.attachment_name].append(message)
    for letter in sorted(letters, key=lambda x: (x.created_at, x.pk)):
        if letter.channel == Letter.Channel.EMAIL and letter.pdf is not None:
            queue = queues.get(letter.pdf.original_name)
            if queue:
                letter.send_state = queue.pop(0).get_status_display()


@register.inclusion_tag("correspondence/includes/case_letters.html")
def case_letters(case):
    """The case's letters, newest first, each with its PDF and, for e-mail, its send state."""
    letters = list(Letter.objects.filter(case=case).select_related("created_by")
                   .prefetch_related("entry__attachments").order_by("-created_at", "-id"))
    for letter in letters:
        letter.addressee_role = ROLES.get(letter.addressee, "")
        # The letter's PDF; an invitation may carry an .ics besides it.
        attachments = sorted(letter.entry.attachments.all(), key=lambda a: a.pk)
        letter.pdf = next((a for a in attachments if a.content_type == "application/pdf"),
                          attachments[0] if attachments else None)
    _send_states(case, letters)
    return {"case": case, "letters": letters}
