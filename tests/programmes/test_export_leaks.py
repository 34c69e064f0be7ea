"""Exports name only published entries: no draft or archived organisation or programme, in any cell."""
import csv
import io

import pytest

from editorial.models import PublicationState as S
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

HIDDEN = [
    "Acteur Brouillon", "acteur-brouillon", "Acteur Archivé", "acteur-archive",
    "Programme Brouillon", "programme-brouillon", "Programme Archivé", "programme-archive",
]


@pytest.fixture
def directory(db):
    public = ActorFactory(name="Acteur Public", slug="acteur-public")
    draft = ActorFactory(name="Acteur Brouillon", slug="acteur-brouillon", publication_state=S.DRAFT)
    archived = ActorFactory(name="Acteur Archivé", slug="acteur-archive", publication_state=S.ARCHIVED)
    programme = ProgrammeFactory(title="Programme Public", slug="programme-public")
    ProgrammeActorFactory(programme=programme, actor=public)
    ProgrammeActorFactory(programme=programme, actor=draft, role="funds")
    ProgrammeActorFactory(programme=programme, actor=archived, role="partner")
    only_hidden = ProgrammeFactory(title="Programme Sans Acteur Public", slug="programme-sans-acteur-public")
    ProgrammeActorFactory(programme=only_hidden, actor=draft)
    FundedProjectFactory(title="Projet Public", slug="projet-public", programme=programme, beneficiary=public) \
        .partners.add(public, draft, archived)
    FundedProjectFactory(title="Projet Du Brouillon", slug="projet-du-brouillon", programme=programme, beneficiary=draft)
    for index, (title, slug, state) in enumerate((("Programme Brouillon", "programme-brouillon", S.DRAFT),
                                                  ("Programme Archivé", "programme-archive", S.ARCHIVED))):
        hidden = ProgrammeFactory(title=title, slug=slug, publication_state=state)
        FundedProjectFactory(title=f"Projet Orphelin {index}", slug=f"projet-orphelin-{index}", programme=hidden, beneficiary=archived)


def export(client, url, dialect="rfc4180"):
    response = client.get(f"{url}{'&' if '?' in url else '?'}dialect={dialect}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    leaked = [text for text in HIDDEN if text in body]
    assert not leaked, leaked
    rows = list(csv.reader(io.StringIO(body), delimiter=";" if dialect == "excel-fr" else ","))
    return {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}


@pytest.mark.parametrize("dialect", ["rfc4180", "excel-fr"])
def test_programme_export_names_only_published_organisations(client, directory, dialect):
    rows = export(client, "/programmes/export.csv?sort=title", dialect)
    if dialect == "excel-fr":  # organisations by name, one column per role
        assert rows["programme-public"]["Porteurs"] == "Acteur Public"
        assert rows["programme-sans-acteur-public"]["Porteurs"] == rows["programme-sans-acteur-public"]["Partenaires"] == ""
        return
    assert rows["programme-public"]["actors"] == "Acteur Public (Porte / opère)"
    assert rows["programme-public"]["actor_roles"] == "runs:acteur-public"
    assert rows["programme-sans-acteur-public"]["actors"] == rows["programme-sans-acteur-public"]["actor_roles"] == ""


def test_project_export_leaves_unpublished_programmes_and_organisations_blank(client, directory):
    rows = export(client, "/projets/export.csv")
    public = rows["projet-public"]
    assert (public["programme_slug"], public["beneficiary_slug"], public["beneficiary_name"], public["beneficiary_kind"]) == (
        "programme-public", "acteur-public", "Acteur Public", "company")
    assert public["partners"] == "Acteur Public"
    of_draft = rows["projet-du-brouillon"]
    assert of_draft["programme_title"] == "Programme Public"
    assert of_draft["beneficiary_slug"] == of_draft["beneficiary_name"] == of_draft["beneficiary_kind"] == ""
    for slug in ("projet-orphelin-0", "projet-orphelin-1"):
        # The published project stays, as on the listing; its unpublished programme is not named.
        assert rows[slug]["programme_slug"] == rows[slug]["programme_title"] == rows[slug]["beneficiary_name"] == ""


def test_project_export_filters_still_apply(client, directory):
    assert set(export(client, "/projets/export.csv?programme=programme-public")) == {"projet-public", "projet-du-brouillon"}
