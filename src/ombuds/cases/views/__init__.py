"""The staff case pages (HTML). Thin: forms check input, services write, selectors read."""

from ombuds.cases.views.attachments import attachment_download
from ombuds.cases.views.case import (
    case_add_entry,
    case_assign_view,
    case_close,
    case_edit,
    case_page,
    case_reopen_view,
    case_transition_view,
)
from ombuds.cases.views.floor import floor
from ombuds.cases.views.register import case_register_view
from ombuds.cases.views.worklist import (
    home,
    saved_filter_delete_view,
    saved_filter_save_view,
    worklist,
)

__all__ = [
    "attachment_download",
    "case_add_entry",
    "case_assign_view",
    "case_close",
    "case_edit",
    "case_page",
    "case_register_view",
    "case_reopen_view",
    "case_transition_view",
    "floor",
    "home",
    "saved_filter_delete_view",
    "saved_filter_save_view",
    "worklist",
]
