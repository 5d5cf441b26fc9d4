"""Which sections of the case page apply to a case, by its process variant.

The council note's variants differ in what the ombudsfunctie does, and the workflow of each
says so in its outcomes: a case can end in *advice* (listening, variants 1, 3, 5) or in a
*mediation result* (variants 2, 3, 5), or be *referred* (all but 4). A section applies when
the work it records can happen in the case's workflow:

- ``gesprekken`` (conversations, and the agreements made in them): listening or mediation.
  Pure complaint handling (4) and the second line (6) hear the parties under the Awb
  (9:10, 9:15) in their own "Klachtbehandeling" section instead.
- ``verwijzing`` (referral and whether the resident arrived): a workflow that can end in
  "Verwezen".

The other sections apply to every case: terms, applications and decisions (any resident can
have an objection term running), parties and consent, requests to parties, letters, signals,
the timeline. The complaint section is the procedures wing's own rule (variants 4–6,
``domain.complaints.COMPLAINT_VARIANTS``); a variant-6 report's recommendations are the
signals wing's.
"""

from __future__ import annotations

from ombuds.domain.workflow import Workflow

MEETINGS = "gesprekken"
REFERRALS = "verwijzing"

#: Outcomes of listening (advice) and of mediation: a workflow with one of them has
#: conversations and agreements.
_CONVERSATION_OUTCOMES = frozenset({"advies", "opgelost", "deels_opgelost", "niet_opgelost"})


def applicable_sections(workflow: Workflow) -> frozenset[str]:
    """The optional sections (``MEETINGS``, ``REFERRALS``) that apply to ``workflow``."""
    outcomes = {outcome.code for outcome in workflow.outcomes}
    sections = set()
    if outcomes & _CONVERSATION_OUTCOMES:
        sections.add(MEETINGS)
    if "verwezen" in outcomes:
        sections.add(REFERRALS)
    return frozenset(sections)
