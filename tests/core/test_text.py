from core.text import fold


def test_fold_removes_accents_case_and_ligatures():
    assert fold("Données de SANTÉ") == "donnees de sante"
    assert fold("BIOTHÉRAPIES  Œuvre") == "biotherapies oeuvre"
    assert fold("Côte d’Azur") == "cote d'azur"


def test_fold_strips_nul_and_handles_empty():
    assert fold("a\x00b") == "a b"
    assert fold(None) == ""




def reference_fold(text):
    """`fold` as first written, on whole strings: the table must give the same result."""
    import re
    import unicodedata

    from core.text import _LIGATURES

    text = str(text).replace("\x00", " ").translate(_LIGATURES)
    stripped = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


def test_fold_by_character_equals_folding_whole_strings():
    import random

    rng = random.Random(7)
    chars = [chr(code) for code in range(0x3000)] + [chr(rng.randrange(0x3000, 0x110000)) for _ in range(3000)]
    chars = [ch for ch in chars if not 0xD800 <= ord(ch) <= 0xDFFF]
    assert [fold(ch) for ch in chars] == [reference_fold(ch) for ch in chars]
    pool = chars[:0x250] + list("éèàçœŒßﬁ\u0301\u0308\u0327 \t\n’\x00") * 20
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 15)))
        assert fold(text) == reference_fold(text), repr(text)
