"""Attachment checks: an allow-list of types, recognised by content as well as by name."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

# Leading bytes of each allowed type. Text-like types have no signature and are checked for
# being valid UTF-8 text instead. docx and odt are ZIP containers.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
    "eml": "message/rfc822",
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
    signatures = SIGNATURES.get(extension)
    if signatures is not None:
        if not head.startswith(signatures):
            raise ValidationError(
                "De inhoud van het bestand past niet bij de extensie .%(ext)s.",
                code="attachment_content", params={"ext": extension},
            )
    else:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character may be cut at the 2048-byte boundary; only fail earlier.
            if exc.start < len(head) - 4:
                raise ValidationError(
                    "Het bestand is geen leesbare tekst.", code="attachment_content"
                ) from None
        if b"\x00" in head:
            raise ValidationError("Het bestand is geen leesbare tekst.", code="attachment_content")
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CONTENT_TYPES.get(extension, "application/octet-stream"), digest.hexdigest()
