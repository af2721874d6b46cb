"""Every setting is one a reader of the README can find: api/settings.py and the README's
table of environment variables name the same ones."""

from __future__ import annotations

import re
from pathlib import Path

from api.settings import Settings

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_table_names_every_setting_and_no_other() -> None:
    documented = re.findall(r"^\| `(JCM_\w+)` \|", README.read_text("utf-8"), flags=re.MULTILINE)
    settings = [f"JCM_{name.upper()}" for name in Settings.model_fields]
    assert sorted(documented) == sorted(settings)
