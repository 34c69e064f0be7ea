"""Nothing unpublished shows on public pages: not through a published project, programme or actor."""
import datetime

import pytest
from django.urls import reverse

from editorial.models import PublicationState as S
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

HIDDEN = ["Acteur Brouillon", "acteur-brouillon", "Programme Brouillon", "programme-brouillon", "Programme Archivé", "programme-archive"]


@pytest.fixture
def directory(db):
    """Published entries linked to a draft actor, a draft programme and an archived programme."""
    today = datetime.date.today()
    public_actor = ActorFactory(name="Acteur Public", slug="acteur-public")
    draft_actor = ActorFactory(name="Acteur Brouillon", slug="acteur-brouillon", publication_state=S.DRAFT)
    programme = ProgrammeFactory(title="Programme Public", slug="programme-public",
                                 opens_on=today - datetime.timedelta(days=10), deadline=today + datetime.timedelta(days=10))
    ProgrammeActorFactory(programme=programme, actor=public_actor)
    ProgrammeActorFactory(programme=programme, actor=draft_actor)
    project = FundedProjectFactory(title="Projet Du Brouillon", programme=programme, beneficiary=draft_actor)
    project.partners.add(draft_actor)
    FundedProjectFactory(title="Projet Partenaire", programme=programme, beneficiary=draft_actor).partners.add(public_actor)
    for index, (title, slug, state) in enumerate((("Programme Brouillon", "programme-brouillon", S.DRAFT),
                                                  ("Programme Archivé", "programme-archive", S.ARCHIVED))):
        hidden = ProgrammeFactory(title=title, slug=slug, publication_state=state)
        ProgrammeActorFactory(programme=hidden, actor=public_actor)
        FundedProjectFactory(title=f"Projet Orphelin {index}", programme=hidden, beneficiary=public_actor)
    return {"programme": programme, "actor": public_actor}


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_hides_unpublished(content):
    leaked = [text for text in HIDDEN if text in content]
    assert not leaked, leaked


def test_home_page(client, directory):
    content = page(client, "/")
    assert "Programme Public" in content and "Projet Du Brouillon" in content
    assert_hides_unpublished(content)


def test_funded_projects_list(client, directory):
    content = page(client, reverse("projects:list"))
    assert "Projet Orphelin 0" in content and "Projet Du Brouillon" in content
    assert_hides_unpublished(content)


def test_programme_page(client, directory):
    content = page(client, directory["programme"].get_absolute_url())
    assert "Acteur Public" in content and "Projet Du Brouillon" in content
    assert_hides_unpublished(content)


def test_programme_list(client, directory):
    content = page(client, reverse("programmes:list"))
    assert "Acteur Public" in content
    assert_hides_unpublished(content)


def test_actor_page(client, directory):
    content = page(client, directory["actor"].get_absolute_url())
    assert "Projet Orphelin 0" in content and "Projet Partenaire" in content
    assert_hides_unpublished(content)


def import_plan(user, *rows):
    import csv
    import io

    from programmes.exports import PROGRAMME_COLUMNS
    from programmes.imports import PROGRAMMES

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PROGRAMME_COLUMNS, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({"kind": "funding_call", "recurrence": "one_off", **row})
    plan = PROGRAMMES.plan(buffer.getvalue().encode(), user=user)
    return " ".join(str(message) for message in plan.problems + plan.warnings)


@pytest.fixture
def two_organisations(db):
    from editorial.roles import EDITORS
    from tests.factories import staff_user

    org_a, org_b = ActorFactory(name="Org A", slug="org-a"), ActorFactory(name="Org B", slug="org-b")
    secret = ProgrammeFactory(title="Programme secret", slug="programme-secret", website="https://secret.example/",
                              publication_state=S.DRAFT)
    ProgrammeActorFactory(programme=secret, actor=org_b)
    public = ProgrammeFactory(title="Programme ouvert", slug="programme-ouvert", publication_state=S.PUBLISHED)
    ProgrammeActorFactory(programme=public, actor=org_b)
    return {"a": staff_user(EDITORS, [org_a]), "b": staff_user(EDITORS, [org_b])}


def test_the_import_preview_names_no_draft_of_another_organisation(two_organisations):
    report = import_plan(
        two_organisations["a"],
        {"slug": "copie", "title": "Programme secret", "actor_roles": "runs:org-b | partner:org-a"},
        {"slug": "meme-url", "title": "Même URL", "website": "https://secret.example/", "actor_roles": "runs:org-a"},
    )
    assert "programme-secret" not in report


def test_the_import_preview_still_names_reachable_and_published_entries(two_organisations):
    own = import_plan(two_organisations["b"], {"slug": "copie", "title": "Programme secret", "actor_roles": "runs:org-b"})
    assert "doublon possible de « programme-secret »" in own
    public = import_plan(two_organisations["a"],
                         {"slug": "copie", "title": "Programme ouvert", "actor_roles": "runs:org-b | partner:org-a"})
    assert "doublon possible de « programme-ouvert »" in public
