"""The English catalogue is complete and the compiled file matches it."""
import re
from pathlib import Path

from django.utils import translation

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries():
    text = PO.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if lines:
            yield "\n".join(lines)


def test_no_fuzzy_or_untranslated_entry():
    problems = []
    for block in entries():
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if "#, fuzzy" in block:
            problems.append(("fuzzy", msgid.group(1) if msgid else block))
        for match in re.finditer(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.M):
            if match.group(1).strip() == '""':
                problems.append(("untranslated", msgid.group(1) if msgid else block))
    assert problems == []


def test_compiled_catalogue_is_used():
    with translation.override("en"):
        assert translation.gettext("Programmes de soutien") == "Support programmes"
        assert translation.gettext("Import en cours") == "Import in progress"
