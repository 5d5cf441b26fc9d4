"""schemathesis against /api/schema/: generated requests to every API operation, with the real
API token of an ombudsperson whose office has cases, procedures, mediation and signals, never
get a server error (issue 7). Bounded: a few examples per operation, so it runs in CI."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup

from ombuds.tests.test_access_matrix import world  # noqa: F401  (the fixture: an office with data)

#: Examples per operation; OMBUDS_FUZZ_EXAMPLES raises it for a longer local run.
MAX_EXAMPLES = int(os.environ.get("OMBUDS_FUZZ_EXAMPLES", "8"))


@pytest.fixture
def token(world):  # noqa: F811
    office = world[0]
    return Token.objects.get_or_create(user=office.ombudsman)[0].key


@pytest.fixture
def test_connection_kept():
    """Requests go straight to the WSGI application, whose request signals would close the
    test's database connection (and its transaction) on PostgreSQL; Django's test client
    disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def real(world):  # noqa: F811
    """The world's objects by the names of the API's path parameters."""
    kwargs = world[2]
    return {**kwargs, "uuid": str(kwargs["uuid"]), "id": kwargs["pk"]}


def fuzz(operation, headers, real: dict | None, statuses: list[int]) -> list[str]:
    """Run the generated examples of one operation; return the server errors found. With
    ``real``, path parameters name the world's objects, so bodies and queries reach them."""
    found: list[str] = []

    @given(case=operation.as_strategy())
    @hypothesis_settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                         database=None, phases=[Phase.explicit, Phase.generate],
                         suppress_health_check=list(HealthCheck))
    def run(case):
        if real and case.path_parameters:
            case.path_parameters = {name: real.get(name, value)
                                    for name, value in case.path_parameters.items()}
        try:
            response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
        except FailureGroup as failure:
            found.append(f"{case.method} {case.formatted_path}: {failure}\n"
                         f"  reproduce: {case.as_curl_command(headers)}")
        else:
            statuses.append(response.status_code)

    run()
    return found


@pytest.mark.django_db
def test_no_api_operation_answers_with_a_server_error(token, real, test_connection_kept):
    from ombuds.config.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    headers = {"Authorization": f"Token {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15, "the schema lost its operations"
    statuses: list[int] = []
    errors = [error for operation in operations for objects in (None, real)
              for error in fuzz(operation, headers, objects, statuses)]
    assert not errors, "\n".join(errors)
    # The run reached real objects: reads and changes succeeded, not only 400s and 404s.
    assert statuses.count(200) >= 50 and 201 in statuses

