"""What ``generate`` says about the workbook it wrote, in English and Dutch (:mod:`xlcapital.messages`)."""

from __future__ import annotations

from xlcapital.messages import USE_ONE_OF, Text  # noqa: F401 (shared)

#: the summary line: the forecast's extent, and the variance carried with --previous
EXTENT = Text("{weeks} weeks from Monday {start}, {count} bank transactions",
              "{weeks} weken vanaf maandag {start}, {count} banktransacties")
WITH_VARIANCE = Text("{extent}, variance of {past} past weeks", "{extent}, afwijking over {past} voorbije weken")

# --- the roll (generate --previous): what was carried, added and overruled --------------------

ROLL_FROM = Text("from {previous}: {carried} bank transactions, {new} new from the exports",
                 "uit {previous}: {carried} banktransacties, {new} nieuw uit de exports")
ROLL_CARRIED = Text("  carried (typed in the workbook): {items}", "  overgenomen (ingevuld in de werkmap): {items}")
ROLL_OVERRULED = Text("  your edits win over the folder: {items}", "  uw wijzigingen gaan voor de map: {items}")
ROLL_SETTINGS = Text("  settings kept as you set them: {items}", "  instellingen behouden zoals u ze zette: {items}")
ROLL_ADDED = Text("  added (new in the folder since last month): {items}",
                  "  toegevoegd (nieuw in de map sinds vorige maand): {items}")
ROLL_REMOVED = Text("  left out (deleted in the workbook): {items}", "  weggelaten (verwijderd in de werkmap): {items}")
ROLL_PAID = Text("  {count} invoice(s) of the workbook now paid according to the bank",
                 "  {count} factuur/facturen uit de werkmap nu betaald volgens de bank")
ROLL_NO_EDITS = Text("  no edits in the workbook: the forecast is the folder's",
                     "  geen wijzigingen in de werkmap: de prognose is die van de map")

# --- the errors of --previous met most --------------------------------------------------------

OTHER_COMPANY = Text("the previous workbook is of another company ({what})",
                     "de vorige werkmap is van een ander bedrijf ({what})")
OTHER_NAME = Text("company {theirs!r}, not {mine!r}", "bedrijf {theirs!r}, niet {mine!r}")
OTHER_ACCOUNTS = Text("accounts {theirs}, not {mine}", "rekeningen {theirs}, niet {mine}")
THIS_COMPANYS_WORKBOOK = Text("give last month's workbook of this company, or add --force to carry it over anyway",
                              "geef de werkmap van vorige maand van dit bedrijf, of voeg --force toe om hem toch over "
                              "te nemen")
GIVE_LAST_MONTHS = Text("give last month's .xlsm (or .xlsx) written by xlcapital generate",
                        "geef de .xlsm (of .xlsx) van vorige maand, geschreven door xlcapital generate")
PREVIOUS_MISSING = Text("the previous workbook does not exist", "de vorige werkmap bestaat niet")
PREVIOUS_IS_A_FOLDER = Text("the previous workbook is a folder, not a file", "de vorige werkmap is een map, geen bestand")
PREVIOUS_EMPTY = Text("the previous workbook is empty", "de vorige werkmap is leeg")
PREVIOUS_NOT_EXCEL = Text("the previous workbook is not an Excel workbook, or truncated",
                          "de vorige werkmap is geen Excel-werkmap, of is afgebroken")
PREVIOUS_TOO_LARGE = Text("the previous workbook is too large to be one of xlcapital's",
                          "de vorige werkmap is te groot om er een van xlcapital te zijn")
PREVIOUS_BAD_CHECKSUM = Text("the previous workbook is damaged ({member} fails its checksum)",
                             "de vorige werkmap is beschadigd ({member} klopt niet met zijn controlegetal)")
PREVIOUS_NO_PERMISSION = Text("the previous workbook cannot be read (permission denied)",
                              "de vorige werkmap kan niet worden gelezen (geen toestemming)")
PREVIOUS_DAMAGED = Text("the previous workbook is damaged ({why})", "de vorige werkmap is beschadigd ({why})")
PREVIOUS_DAMAGED_TABLE = Text("the previous workbook is damaged: {why}", "de vorige werkmap is beschadigd: {why}")
PREVIOUS_NO_START = Text("the previous workbook has no start date", "de vorige werkmap heeft geen startdatum")
FILL_IN_OR_DELETE = Text("fill it in, or delete the row", "vul hem in, of verwijder de regel")
CANNOT_WRITE_WORKBOOK = Text("cannot write the workbook: {why}", "kan de werkmap niet schrijven: {why}")
UNKNOWN_LANGUAGE = Text("unknown language {lang!r}", "onbekende taal {lang!r}")
TOO_MANY_FOR_SHEET = Text("the bank exports hold {count:,} transactions; the Bank sheet holds at most {limit:,} "
                          "(Excel's last row)",
                          "de bankexports bevatten {count:,} transacties; het blad Bank bevat er hoogstens {limit:,} "
                          "(de laatste rij van Excel)")
FEWER_EXPORTS = Text("keep the exports of the last year or two in the folder's bank/ (the forecast learns from "
                     "the last weeks)",
                     "laat de exports van het laatste jaar of twee in de map bank/ staan (de prognose leert van de "
                     "laatste weken)")
NOT_OURS = Text("not a workbook made by xlcapital generate (no Bank table or Settings)",
                "geen werkmap van xlcapital generate (geen tabel Bank of blad Settings)")
GIVE_OURS = Text("give last month's workbook written by xlcapital generate",
                 "geef de werkmap van vorige maand, geschreven door xlcapital generate")
