"""docs/zgw.md shows the mapping the code uses: regenerate its tables when a variant changes."""

from pathlib import Path

from ombuds.interop.zgw import variant_mapping

DOC = Path(__file__).resolve().parents[4] / "docs" / "zgw.md"


def test_the_zgw_page_lists_every_status_and_result_of_every_variant():
    text = DOC.read_text()
    for variant in variant_mapping():
        assert f"### Variant {variant['variant']}: {variant['zaaktype']}" in text
        for number, code, label in variant["statustypes"]:
            assert f"{number}. `{code}` {label}" in text
        for code, label, generic, kept in variant["resultaattypes"]:
            assert f"| `{code}` | {label} | {generic} | {kept.nomination} | {kept.years} jaar" \
                in text, (variant["variant"], code)
