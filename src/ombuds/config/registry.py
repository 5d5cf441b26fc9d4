"""Every Ombuds setting is declared once here: name, default, help text, type.

Environment variables override the defaults. ``ombuds config_reference`` writes
``docs/configuration.md`` from these declarations, so the reference cannot drift.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Setting", "SETTINGS", "declare"]


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


CASTS: dict[type, Callable[[str], Any]] = {bool: _bool, int: int, list: _list, str: str}


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    cast: type
    group: str

    def value(self) -> Any:
        raw = os.environ.get(self.name)
        if raw is None:
            return self.default
        return CASTS[self.cast](raw)


SETTINGS: dict[str, Setting] = {}


def declare(name: str, default: Any, help: str, *, cast: type = str, group: str = "General") -> Any:
    """Declare a setting and return its current value (environment first, then default)."""
    setting = Setting(name=name, default=default, help=help, cast=cast, group=group)
    SETTINGS[name] = setting
    return setting.value()
