"""`make demo PORT=8001` for a newcomer whose port 8000 is taken: the server listens there and
every link Ombuds e-mails (status, partner and signal links, the digest) follows the port,
as they all start with OMBUDS_BASE_URL (issue 15)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ombuds.mediation.partner import partner_link_url
from ombuds.public.services import status_url
from ombuds.signals.links import signal_link_url

ROOT = Path(__file__).resolve().parents[4]


def demo_commands(*args: str) -> list[str]:
    """The commands ``make demo`` would run (``make -n``), from the repository's Makefile."""
    done = subprocess.run(["make", "-n", "demo", *args], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={"PATH": "/usr/bin:/bin"})
    return [line for line in done.stdout.splitlines()
            if "bin/ombuds " in line and not line.lstrip().startswith("#")]


def test_the_demo_serves_on_the_port_asked_for_and_its_links_follow():
    commands = demo_commands("PORT=8001")
    assert any("runserver 127.0.0.1:8001" in line for line in commands)
    assert len(commands) >= 4  # migrate, collectstatic, load_demo, worker and server
    for line in commands:
        assert "OMBUDS_BASE_URL=http://127.0.0.1:8001 " in line, line


def test_the_demo_serves_on_8000_by_default():
    commands = demo_commands()
    assert any("runserver 127.0.0.1:8000" in line for line in commands)
    assert all("OMBUDS_BASE_URL=http://127.0.0.1:8000 " in line for line in commands)


def test_emailed_links_start_with_the_base_url(settings):
    settings.BASE_URL = "http://127.0.0.1:8001"
    for url in (status_url("t0k3n", "nl"), partner_link_url("t0k3n"), signal_link_url("t0k3n")):
        assert url.startswith("http://127.0.0.1:8001/"), url
