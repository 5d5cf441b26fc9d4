"""REST API v1 for cases: one class per operation, each calling the same selectors and
services as the staff pages (``cases.selectors`` for reads, ``cases.services`` for writes).

``urls`` in ``cases/api_urls.py`` combines the operations on one path (e.g. list and
register on ``/cases/``) with ``CollectionApi`` classes that only inherit.
"""
