"""What ``generate`` says about the workbook it wrote, in English and Dutch (:mod:`xlcapital.messages`)."""

from __future__ import annotations

from xlcapital.messages import Text

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
