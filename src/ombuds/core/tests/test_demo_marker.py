"""`make demo` marks its data directory, so commands run there are in demo mode."""

import os
import subprocess
import sys


def demo_mode(data_dir, **extra) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMBUDS_", "DJANGO_"))}
    env |= {"OMBUDS_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "ombuds.config.settings",
            "OMBUDS_SECRET_KEY": "x" * 50, **extra}
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEMO_MODE)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_marked_data_directory_turns_demo_mode_on(tmp_path):
    assert demo_mode(tmp_path) == "False"
    (tmp_path / "DEMO").write_text("demo")
    assert demo_mode(tmp_path) == "True"


def test_an_explicit_setting_wins_over_the_marker(tmp_path):
    (tmp_path / "DEMO").write_text("demo")
    assert demo_mode(tmp_path, OMBUDS_DEMO_MODE="0") == "False"
