"""The capped paginator counts at most ``cap`` rows past the requested page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.core.models import Theme
from ombuds.core.paging import CappedPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(office):
    Theme.objects.bulk_create(Theme(municipality=office.steenwijkerland, domain=office.wmo,
                                    name=f"Thema {i:02d}") for i in range(25))
    return Theme.objects.filter(municipality=office.steenwijkerland, name__startswith="Thema")


def test_a_short_list_is_counted_exactly(themes):
    paginator = CappedPaginator(themes.order_by("name"), 10, number=1, cap=100)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (25, False, 3)


def test_a_long_list_says_more_than_the_cap_and_still_pages_on(themes):
    paginator = CappedPaginator(themes.order_by("name"), 5, number=1, cap=10)
    page = paginator.get_page(1)
    assert paginator.capped and paginator.count_floor == 10
    assert page.has_next() and [t.name for t in page] == [f"Thema {i:02d}" for i in range(5)]


def test_the_cap_counts_from_the_requested_page(themes):
    paginator = CappedPaginator(themes.order_by("name"), 5, number=4, cap=10)
    page = paginator.get_page(4)
    assert not paginator.capped and paginator.count == 25
    assert [t.name for t in page][0] == "Thema 15"


def test_a_page_beyond_the_end_shows_the_last_one(themes):
    paginator = CappedPaginator(themes.order_by("name"), 5, number=40, cap=100)
    assert paginator.get_page(40).number == 5


def test_the_count_is_one_limited_query(themes):
    paginator = CappedPaginator(themes.order_by("name"), 5, number=1, cap=10)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 11
    assert len(queries) == 1 and "LIMIT 11" in queries[0]["sql"].upper()
