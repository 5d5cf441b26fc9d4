"""Render letter templates strictly, and letters to a tagged, accessible PDF.

A template is Django template language on the restricted context of ``context.py``, in an
engine of its own: no template loaders (so ``include`` and ``extends`` reach no file), only
the built-in tags and filters, no autoescaping (the text is plain; the PDF template escapes
it). A placeholder that does not exist renders as a sentinel, and a rendering that contains
the sentinel is refused, so a typo is an error and never a blank in a letter that was sent.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.template.base import FilterExpression, Node, Variable
from django.template.defaulttags import ForNode
from django.template.loader import render_to_string

from ombuds.correspondence.context import ROOTS
from ombuds.correspondence.models import LetterKind, LetterTemplate

logger = logging.getLogger(__name__)

LETTERS_DIR = Path(__file__).resolve().parent / "templates" / "correspondence" / "letters"
_MISSING = "\x00ONTBREEKT:%s\x00"
_MISSING_RE = re.compile("\x00ONTBREEKT:(.*?)\x00")


class LetterTemplateError(ValueError):
    """A template that cannot be used; the message is Dutch, for the beheerder or the user."""


@dataclass(frozen=True)
class LetterText:
    subject: str
    body: str


@cache
def _engine() -> Engine:
    return Engine(dirs=[], app_dirs=False, loaders=[], autoescape=False, libraries={},
                  string_if_invalid=_MISSING)


def default_template(kind: str) -> LetterText:
    """Return the shipped template of ``kind``: a file whose first line is ``Onderwerp: …``."""
    text = (LETTERS_DIR / f"{LetterKind(kind).value}.txt").read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    return LetterText(subject=first.removeprefix("Onderwerp:").strip(), body=body.lstrip("\n"))


def template_for(municipality, kind: str) -> LetterText:
    """Return the municipality's own template of ``kind``, else the shipped one."""
    own = LetterTemplate.objects.filter(municipality=municipality, kind=kind).first()
    if own is not None:
        return LetterText(subject=own.subject, body=own.body)
    return default_template(kind)


def _expressions(node: Node):
    """Yield every filter expression a node uses (variables, if-conditions, for sequences)."""
    for name in ("filter_expression", "sequence", "var"):
        value = getattr(node, name, None)
        if isinstance(value, FilterExpression):
            yield value
    for condition, _nodelist in getattr(node, "conditions_nodelists", []) or []:
        yield from _condition_expressions(condition)


def _condition_expressions(condition):
    if condition is None:
        return
    value = getattr(condition, "value", None)
    if isinstance(value, FilterExpression):
        yield value
    for part in ("first", "second"):
        yield from _condition_expressions(getattr(condition, part, None))


def _unknown_names(nodelist, local: frozenset[str] = frozenset()) -> list[str]:
    """Return the variables a template uses that are no placeholder and no loop variable."""
    unknown = []
    for node in nodelist:
        for expression in _expressions(node):
            variables = [expression.var, *(arg for _f, args in expression.filters
                                           for _lookup, arg in args)]
            for variable in variables:
                if isinstance(variable, Variable) and variable.lookups:
                    root = variable.lookups[0]
                    if root not in ROOTS and root not in local and root != "forloop":
                        unknown.append(".".join(variable.lookups))
        inner = local | frozenset(node.loopvars) if isinstance(node, ForNode) else local
        for attr in getattr(node, "child_nodelists", ()):
            unknown += _unknown_names(getattr(node, attr, None) or [], inner)
        for _condition, child in getattr(node, "conditions_nodelists", []) or []:
            unknown += _unknown_names(child, inner)
    return unknown


def render_text(source: str, context: dict) -> str:
    """Render ``source`` on ``context``; raise ``LetterTemplateError`` for any unknown
    placeholder or syntax error."""
    try:
        template = _engine().from_string(source)
    except TemplateSyntaxError as error:
        raise LetterTemplateError(f"De tekst bevat een fout in de opmaak: {error}") from None
    unknown = sorted(set(_unknown_names(template.nodelist)))
    if unknown:
        raise LetterTemplateError("Onbekend veld: " + ", ".join(f"{{{{ {n} }}}}" for n in unknown)
                                  + ". Gebruik alleen de velden uit de lijst.")
    try:
        rendered = template.render(Context(context, autoescape=False))
    except (TemplateDoesNotExist, TemplateSyntaxError):
        # {% include %} or {% extends %}: this engine has no files to read.
        raise LetterTemplateError("De tekst gebruikt een opdracht die in een brief niet mag "
                                  "(zoals include of extends).") from None
    missing = sorted(set(_MISSING_RE.findall(rendered)))
    if missing:
        raise LetterTemplateError("Dit veld bestaat niet of is hier leeg: "
                                  + ", ".join(f"{{{{ {n} }}}}" for n in missing)
                                  + ". Gebruik alleen de velden uit de lijst, en zet een veld "
                                    "dat leeg kan zijn tussen {% if %} en {% endif %}.")
    return _tidy(rendered)


def _tidy(text: str) -> str:
    """Drop the blank lines template tags leave behind (at most one empty line in a row)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def render_letter(template: LetterText, context: dict) -> LetterText:
    """Render a template's subject and body on ``context``."""
    subject = " ".join(render_text(template.subject, context).split())
    return LetterText(subject=subject, body=render_text(template.body, context))


# --- the document ---------------------------------------------------------------------------

def blocks(body: str) -> list[dict]:
    """Split a letter's text into blocks: ``## `` starts a heading, ``- `` a list item, an
    empty line a new paragraph, a line ``---`` a new page (a notice the resident signs and
    sends on). The PDF gets real headings and lists from these."""
    result: list[dict] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        paragraph: list[str] = []
        for line in (line for line in chunk.split("\n") if line.strip()):
            stripped = line.strip()
            if (stripped.startswith(("## ", "- ")) or stripped == "---") and paragraph:
                result.append({"type": "p", "lines": paragraph})
                paragraph = []
            if stripped == "---":
                result.append({"type": "page"})
            elif stripped.startswith("## "):
                result.append({"type": "h2", "text": stripped[3:].strip()})
            elif stripped.startswith("- "):
                if result and result[-1]["type"] == "ul" and result[-1].get("open"):
                    result[-1]["items"].append(stripped[2:].strip())
                else:
                    result.append({"type": "ul", "items": [stripped[2:].strip()], "open": True})
            else:
                if result and result[-1].get("open"):
                    result[-1]["open"] = False
                paragraph.append(stripped)
        if paragraph:
            result.append({"type": "p", "lines": paragraph})
        for block in result:
            block.pop("open", None)
    return result


def plain_text(body: str) -> str:
    """The letter as e-mail text: headings without their ``## `` marker."""
    return re.sub(r"^## ", "", body, flags=re.MULTILINE)


@cache
def pdf_available() -> bool:
    """Whether WeasyPrint can load its system libraries (Pango) on this machine."""
    try:
        import weasyprint  # noqa: F401
    except OSError:
        return False
    return True


#: Image types a letterhead logo may have (``OMBUDS_LETTERHEAD_LOGO``).
LOGO_TYPES = (".png", ".svg")


def letterhead_logo() -> str:
    """The ``file://`` URL of the office's logo (``OMBUDS_LETTERHEAD_LOGO``), or "" when none
    is configured or the file is not a readable PNG or SVG (then the letterhead is text)."""
    from django.conf import settings

    configured = getattr(settings, "LETTERHEAD_LOGO", "")
    if not configured:
        return ""
    path = Path(configured).expanduser()
    if path.suffix.lower() not in LOGO_TYPES or not path.is_file():
        logger.warning("OMBUDS_LETTERHEAD_LOGO is not a PNG or SVG file; letters get no logo.")
        return ""
    return path.resolve().as_uri()


def letterhead(case) -> dict:
    """The letterhead: the office first (name, visiting address, phone, e-mail, logo), then the
    municipality as the one it serves; the office does not work for the municipality."""
    office = case.municipality.office
    return {"name": office.name, "serves": f"Sociale ombudsfunctie voor de gemeente "
                                           f"{case.municipality.name}",
            "address": office.address, "phone": office.phone, "email": office.email,
            "walk_in_hours": office.walk_in_hours, "logo": letterhead_logo()}


def render_pdf(*, case, recipient_name: str, recipient_address: str, subject: str,
               body: str, date_text: str, about: str = "") -> bytes:
    """Render the letter as a tagged PDF (PDF/UA-1): language nl, a title, real headings and
    lists, the office's letterhead with the municipality it serves. ``about`` names the
    resident a letter to the representative is about."""
    from weasyprint import HTML

    municipality = case.municipality
    html = render_to_string("correspondence/pdf/letter.html", {
        "municipality": municipality, "office": municipality.office, "case": case,
        "letterhead": letterhead(case), "about": about,
        "recipient_name": recipient_name, "recipient_address": recipient_address,
        "subject": subject, "blocks": blocks(body), "date_text": date_text,
    })
    return HTML(string=html, base_url=str(LETTERS_DIR)).write_pdf(pdf_variant="pdf/ua-1")
