"""Read an uploaded spreadsheet (CSV or XLSX) row by row, without loading it whole."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from openpyxl import load_workbook

FORMATS = ("csv", "xlsx")


class UnreadableFile(ValueError):
    """The file is not a CSV or XLSX Ombuds can read; the message is Dutch."""


def file_format(filename: str) -> str:
    ending = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ending not in FORMATS:
        raise UnreadableFile("Kies een CSV- of Excel-bestand (.csv of .xlsx).")
    return ending


def _csv_text(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows saves CSV as cp1252
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("Het CSV-bestand heeft een onbekende tekenset; sla het op als UTF-8.")


def rows(content: bytes, fmt: str) -> Iterator[list]:
    """Yield every row (the header row first) as a list of cell values.

    CSV: UTF-8 or Windows-1252, separated by ``;`` (Dutch Excel) or ``,``. XLSX: the first
    sheet, read-only and streaming (openpyxl ``read_only=True``), dates as real dates.
    Completely empty rows are skipped.
    """
    if fmt == "csv":
        text = _csv_text(content)
        sample = text[:4096]
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in row):
                yield row
        return
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a damaged file
        raise UnreadableFile("Het Excel-bestand kan niet worden gelezen.") from error
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            if any(cell not in (None, "") for cell in row):
                yield list(row)
    finally:
        workbook.close()


def headers_and_rows(content: bytes, fmt: str) -> tuple[list[str], Iterator[list]]:
    """Return the header row (as text) and an iterator over the data rows."""
    iterator = rows(content, fmt)
    try:
        header = next(iterator)
    except StopIteration:
        raise UnreadableFile("Het bestand is leeg.") from None
    headers = [str(h).strip() if h is not None else "" for h in header]
    if len(set(filter(None, headers))) != len([h for h in headers if h]):
        raise UnreadableFile("Twee kolommen hebben dezelfde kop; geef elke kolom een eigen naam.")
    return headers, iterator
