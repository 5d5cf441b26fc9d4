"""The ``ombuds`` console script: every management command under one name.

``ombuds migrate``, ``ombuds load_demo``, ``ombuds db_worker`` … behave exactly like
``python -m django <command>`` with Ombuds' settings.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ombuds.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
