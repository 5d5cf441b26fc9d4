"""``ombuds config_reference``: docs/configuration.md is generated from the settings registry."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from ombuds.config.registry import SETTINGS
from ombuds.core.management.commands.config_reference import DEFAULT_OUTPUT, render_clean


def test_the_committed_configuration_reference_is_current():
    assert DEFAULT_OUTPUT.exists(), "run `ombuds config_reference` and commit docs/configuration.md"
    call_command("config_reference", "--check", stdout=io.StringIO())


def test_it_lists_every_declared_setting_with_its_group():
    text = render_clean()
    for setting in SETTINGS.values():
        assert f"| `{setting.name}` |" in text
        assert f"## {setting.group}" in text


def test_it_renders_the_same_whatever_the_environment(monkeypatch):
    before = render_clean()
    monkeypatch.setenv("OMBUDS_DEMO_MODE", "1")
    monkeypatch.setenv("OMBUDS_DATA_DIR", "/srv/elsewhere")
    assert render_clean() == before
    assert "/srv/elsewhere" not in before


def test_check_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "configuration.md"
    stale.write_text("# Configuration reference\n\nold\n")
    with pytest.raises(CommandError, match="out of date"):
        call_command("config_reference", "--check", "--output", str(stale))
    call_command("config_reference", "--output", str(stale), stdout=io.StringIO())
    call_command("config_reference", "--check", "--output", str(stale),
                 stdout=io.StringIO())


def test_a_demo_marker_in_the_data_directory_does_not_change_the_defaults(monkeypatch):
    """`make demo` leaves a DEMO file in var/, which turns demo mode on for commands run
    there; the reference is rendered with demo mode stated off, so `make lint` still passes
    in that checkout. (The child process is observed, not the real var/ written to.)"""
    from ombuds.core.management.commands import config_reference

    seen = {}
    real_run = config_reference.subprocess.run

    def run(args, **kwargs):
        seen.update(kwargs["env"])
        return real_run(args, **kwargs)

    monkeypatch.setattr(config_reference.subprocess, "run", run)
    render_clean()
    assert seen["OMBUDS_DEMO_MODE"] == "0"
    assert "OMBUDS_DATA_DIR" not in seen
