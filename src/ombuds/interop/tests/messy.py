"""The messy spreadsheet of the import tests, as offices keep them: Dutch dates, a typo'd
municipality, a duplicate, a missing name. Written as CSV (Dutch Excel: ``;``, Windows-1252)
and as XLSX (with a real date cell) by the same rows."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook

HEADERS = ["Dossiernr", "Gemeente", "Datum binnen", "Naam cliënt", "Onderwerp", "Toelichting",
           "Contactwijze", "Organisatie", "Geb. datum"]

#: (row as the spreadsheet numbers it, cells, the problem the dry run must name or None)
ROWS: list[tuple[int, list, str | None]] = [
    (2, ["K-001", "Steenwijkerland", "03-02-2026", "Anna Jansen", "Traplift afgewezen",
         "Wacht al maanden.", "telefoon", "Zorggroep Noord", "12-05-1950"], None),
    (3, ["K-002", "GM1701", "2026-01-15", "Bram de Boer", "Vervoer naar dagbesteding", "",
         "E-mail", "", ""], None),
    (4, ["K-003", "Steenwijkerland", "31-02-2026", "Cor Visser", "Huishoudelijke hulp", "",
         "", "", ""], "'31-02-2026' bestaat niet als datum"),
    (5, ["K-004", "Steenwijkerland", "03-04-26", "Dina Smit", "Jeugdhulp wachtlijst", "",
         "", "", ""], "onduidelijke datum '03-04-26'"),
    (6, ["K-005", "Zwolle", "10-03-2026", "Eva Mulder", "Schulden", "", "", "", ""],
     "Onbekende gemeente 'Zwolle'"),
    (7, ["K-001", "Steenwijkerland", "03-02-2026", "Anna Jansen", "Traplift afgewezen", "",
         "telefoon", "", ""], "Dubbel in het bestand: dezelfde zaak als rij 2"),
    (8, ["K-006", "Westerveld", "11-03-2026", "", "Bijstand stopgezet", "", "", "", ""],
     "Naam inwoner ontbreekt"),
    (9, ["K-007", "Steenwijkerland", "12-03-2026", "Fatma Yilmaz", "Wmo-indicatie", "",
         "", "Onbekende Stichting", ""],
     "Organisatie 'Onbekende Stichting' staat niet op de sociale kaart van Steenwijkerland"),
    (10, ["", "Westerveld", "3 maart 2026", "Gerrit Bos", "Leerlingenvervoer", "", "brief",
          "", ""], None),
    (11, ["K-008", "Steenwijkerland", "13-03-2026", "Hanna Kok", "Rolstoel", "", "duif", "",
          ""], "onbekend kanaal 'duif'"),
    (12, ["K-009", "Steenwijkerland", "10-02-2026", "Piet Bakker", "Schuldhulp wachttijd", "",
          "", "", ""], "Bestaat al in Ombuds als"),
    (13, ["K-010", "Westerveld", "01-01-2099", "Ilse Wit", "Parkeerkaart", "", "", "", ""],
     "ligt in de toekomst"),
]
VALID_ROWS = [number for number, _, problem in ROWS if problem is None]


def messy_csv() -> bytes:
    lines = [";".join(HEADERS)] + [";".join(cells) for _, cells, _ in ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def messy_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for number, cells, _ in ROWS:
        cells = list(cells)
        if number == 2:
            cells[2] = datetime(2026, 2, 3)  # a real date cell, as Excel stores it
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
