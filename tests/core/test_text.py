from core.text import fold


def test_fold_removes_accents_case_and_ligatures():
    assert fold("Données de SANTÉ") == "donnees de sante"
    assert fold("BIOTHÉRAPIES  Œuvre") == "biotherapies oeuvre"
    assert fold("Côte d’Azur") == "cote d'azur"


def test_fold_strips_nul_and_handles_empty():
    assert fold("a\x00b") == "a b"
    assert fold(None) == ""


