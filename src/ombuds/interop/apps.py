from django.apps import AppConfig
from django.db.models.signals import post_save


class InteropConfig(AppConfig):
    name = "ombuds.interop"
    label = "interop"
    verbose_name = "Ombuds: import, export en ZGW"

    def ready(self) -> None:
        # A wing hooks in through signals; the receivers only queue the push (push.py).
        post_save.connect(_complaint_saved, sender="procedures.Complaint",
                          dispatch_uid="interop-complaint")
        post_save.connect(_decision_saved, sender="procedures.DisputedDecision",
                          dispatch_uid="interop-decision")
        post_save.connect(_timeline_saved, sender="cases.TimelineEntry",
                          dispatch_uid="interop-timeline")


def _complaint_saved(sender, instance, created, **kwargs):
    from ombuds.interop.push import push_queue

    if created:
        push_queue(instance.case_id)


def _decision_saved(sender, instance, **kwargs):
    from ombuds.interop.push import push_queue

    if instance.objection_filed_on:  # an objection: the formal route (Awb 6:4)
        push_queue(instance.case_id)


def _timeline_saved(sender, instance, created, **kwargs):
    from ombuds.interop.push import FORMAL_STATUSES, push_queue

    if created and instance.status_to in FORMAL_STATUSES:
        push_queue(instance.case_id)
