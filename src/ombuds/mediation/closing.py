"""What mediation leaves open when a case is about to close (the closing check, issue 15).

- a meeting still planned (not held, not cancelled): it would take place after closure;
- an agreement still open (``Agreement.Status.OPEN``): nobody recorded whether it was kept;
- a referral whose arrival is unknown (``Referral.Arrived.UNKNOWN``): nobody checked whether
  the resident arrived where we sent them.

``MediationClosingHook`` is registered with ``cases.hooks`` in ``MediationConfig.ready``.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from ombuds.cases.hooks import CaseHook, OpenItem
from ombuds.domain.deadlines import nl_date
from ombuds.mediation.models import Agreement, Meeting, Referral


def agreement_owner(agreement: Agreement) -> str:
    """Who has to keep ``agreement``: the party's organisation, the resident or us."""
    if agreement.owner == Agreement.Owner.PARTY and agreement.party_id:
        return agreement.party.organisation.name
    if agreement.owner == Agreement.Owner.RESIDENT:
        return "de inwoner"
    return "de ombudsfunctie"


def referral_target(referral: Referral) -> str:
    """Where the resident was sent: the organisation, else the route."""
    return referral.organisation.name if referral.organisation_id else referral.get_route_display()


def _due(on, today) -> str:
    return f"uiterlijk {nl_date(on)}" + (" (over tijd)" if on < today else "")


def open_mediation_items(case) -> list[OpenItem]:
    today = timezone.localdate()
    items = []
    meetings = Meeting.objects.filter(case=case, status=Meeting.Status.PLANNED).order_by("starts_at")
    for meeting in meetings:
        when = timezone.localtime(meeting.starts_at)
        items.append(OpenItem(
            kind="gesprek", label=f"{meeting.get_kind_display()} gepland",
            detail=f"op {nl_date(when.date())} om {when:%H.%M} uur",
            url=reverse("mediation:meeting_detail", args=[case.reference, meeting.pk])))
    agreements = (Agreement.objects.filter(case=case, status=Agreement.Status.OPEN)
                  .select_related("party__organisation").order_by("due_on", "id"))
    for agreement in agreements:
        items.append(OpenItem(
            kind="afspraak", label=f"Afspraak voor {agreement_owner(agreement)}",
            detail=_due(agreement.due_on, today), text=agreement.description,
            url=reverse("mediation:agreement_status", args=[case.reference, agreement.pk])))
    referrals = (Referral.objects.filter(case=case, arrived=Referral.Arrived.UNKNOWN)
                 .select_related("organisation").order_by("referred_on", "id"))
    for referral in referrals:
        items.append(OpenItem(
            kind="verwijzing", label=f"Verwijzing naar {referral_target(referral)}",
            detail=f"verwezen op {nl_date(referral.referred_on)}, nagaan op "
                   f"{nl_date(referral.check_on)}",
            url=reverse("mediation:referral_arrival", args=[case.reference, referral.pk])))
    return items


class MediationClosingHook(CaseHook):
    """Planned meetings, open agreements and unchecked referrals hold a case's closure."""

    def open_items(self, case) -> list[OpenItem]:
        return open_mediation_items(case)
