"""Attachment checks: an allow-list of types, recognised by their content; the name must agree."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

# What the content is, recognised by its leading bytes ("magic numbers"). The content decides:
# the file's name must agree with it, and types not on the allow-list (programs, archives,
# other office formats) are refused whatever they are called.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"PK\x03\x04", "zip"),
    (b"\x7fELF", "executable"),  # Linux programs
    (b"\xfe\xed\xfa", "executable"),  # macOS programs (Mach-O)
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),  # Mach-O universal, Java classes
    (b"#!", "executable"),  # scripts (Windows programs hold NUL bytes: never text)
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # old Office (.doc, .xls, .msi)
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"\x1f\x8b", "archive"),  # gzip
    (b"GIF8", "gif"),
)
#: The content each allowed extension must have; "text" is UTF-8 text without NUL bytes.
EXPECTED = {"pdf": "pdf", "jpg": "jpeg", "jpeg": "jpeg", "png": "png", "docx": "docx",
            "odt": "odt", "txt": "text", "eml": "text", "ics": "text"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
#: A docx/odt with more members than this is not looked into (and refused).
ZIP_MAX_MEMBERS = 10_000

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
    "eml": "message/rfc822",
    "ics": "text/calendar",  # a meeting's calendar file, sent with its invitation (issue 15)
}


def validate_upload(upload) -> tuple[str, str]:
    """Check an uploaded file; return ``(content_type, sha256)`` or raise ValidationError."""
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    allowed = settings.ATTACHMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            "Dit soort bestand kan niet worden toegevoegd. Toegestaan: %(types)s.",
            code="attachment_type", params={"types": ", ".join(allowed)},
        )
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            "Het bestand is te groot (%(size)s MB). Het maximum is %(max)s MB.",
            code="attachment_size",
            params={"size": round(upload.size / 1_048_576, 1),
                    "max": settings.ATTACHMENT_MAX_BYTES // 1_048_576},
        )
    if upload.size == 0:
        raise ValidationError("Het bestand is leeg.", code="attachment_empty")
    upload.seek(0)
    head = upload.read(2048)
    kind = sniff(head, upload)
    expected = EXPECTED.get(extension, extension)
    if kind != expected and expected == "text":
        raise ValidationError("Het bestand is geen leesbare tekst.", code="attachment_content")
    if kind != expected:
        raise ValidationError(
            "De inhoud van het bestand past niet bij de extensie .%(ext)s.",
            code="attachment_content", params={"ext": extension},
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CONTENT_TYPES.get(extension, "application/octet-stream"), digest.hexdigest()


def sniff(head: bytes, upload) -> str:
    """What the file is by its content: a type of ``MAGIC``, docx/odt for those ZIP
    containers, "text" for readable UTF-8, else "unknown"."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return _zip_kind(upload) if kind == "zip" else kind
    if b"\x00" in head:
        return "unknown"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character may be cut at the 2048-byte boundary; only fail earlier.
        if exc.start < len(head) - 4:
            return "unknown"
    return "text"


def _zip_kind(upload) -> str:
    """docx (a Word document without macros), odt (an OpenDocument text without macros) or
    "zip" for any other ZIP file (an archive, a .jar, a macro document)."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if len(names) > ZIP_MAX_MEMBERS:
                return "zip"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                macros = any(n.lower().endswith("vbaproject.bin") for n in names)
                return "zip" if macros else "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                macros = any(n.startswith(("Basic/", "Scripts/")) for n in names)
                return "zip" if macros else "odt"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "zip"
    finally:
        upload.seek(0)
    return "zip"
