"""Keep only the plural entries in the French catalogue, each translated by itself.

The interface is written in French, so French needs no translation, except for its plural
rule: French says "0 résultat" (singular for 0 and 1), and without a catalogue Django falls
back to the English rule. `make messages` runs `makemessages -l fr`, then this script."""
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent / "fr" / "LC_MESSAGES" / "django.po"
HEADER = """# French plural forms only: French says "0 résultat" (singular for 0 and 1).
# Made by locale/french_plurals.py after `makemessages -l fr` (see `make messages`).
"""


def main():
    catalogue = polib.pofile(str(PO))
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
    for entry in list(catalogue):
        if entry.obsolete or not entry.msgid_plural:
            catalogue.remove(entry)
            continue
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = entry.previous_msgid_plural = None
        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
    catalogue.header = HEADER
    catalogue.save(str(PO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
