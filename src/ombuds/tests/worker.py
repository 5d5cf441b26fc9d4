"""Running the real task worker inside a test."""

from __future__ import annotations

import signal

from django.core.management import call_command


def run_worker_batch() -> None:
    """``ombuds db_worker --batch`` in this process: every queued task, then return.

    The worker installs its own handlers for SIGINT, SIGTERM and SIGQUIT; they are put back
    afterwards, so Ctrl-C still stops the test run.
    """
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
