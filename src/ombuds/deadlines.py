"""Public entry point of the legal deadline rules: ``from ombuds import deadlines``.

The implementation lives in ``ombuds.domain.deadlines`` (pure Python, no Django import).
"""

from ombuds.domain.deadlines import *  # noqa: F403
from ombuds.domain.deadlines import __all__  # noqa: F401
