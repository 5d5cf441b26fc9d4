"""A paginator that never counts a whole table.

Django's ``Paginator`` runs ``COUNT(*)`` over every row a list matches; on a register of
millions that is the slowest query of a page. ``CappedPaginator`` counts at most ``cap``
rows from the start of the requested page (``SELECT COUNT(*) FROM (… LIMIT cap+1)``), which
the worklist indexes answer in a few milliseconds: the page says "meer dan 1.000" instead of
an exact figure nobody needs, and "next" keeps working as long as rows follow.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

CAP = 1000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, number=None, cap: int = CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.requested = number
        self.cap = cap
        #: Whether more rows follow than were counted; ``count`` is then a lower bound.
        self.capped = False

    def _start(self) -> int:
        try:
            number = max(1, int(self.requested or 1))
        except (TypeError, ValueError):
            number = 1
        return (number - 1) * self.per_page

    @cached_property
    def count(self) -> int:
        start = self._start()
        rows = self.object_list.order_by()  # how many, not which: no sort needed
        seen = rows[start:start + self.cap + 1].count()
        if seen == 0 and start:  # beyond the end: count from the top
            start, seen = 0, rows[:self.cap + 1].count()
        if seen > self.cap:
            self.capped = True
            return start + self.cap + 1
        return start + seen

    @property
    def count_floor(self) -> int:
        """The number to show after "meer dan" when ``capped``."""
        return self.count - 1
