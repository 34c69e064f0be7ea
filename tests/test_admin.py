"""Every admin page answers for a superuser; invalid input shows errors and saves nothing."""
import pytest
from django.contrib import admin
from django.urls import reverse

from programmes.models import Programme
from tests.factories import (
    ActorFactory,
    AudienceFactory,
    FundedProjectFactory,
    ProgrammeActorFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, tree):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    project = FundedProjectFactory(territory=tree["rennes"])
    ProgrammeActorFactory(programme=project.programme, actor=ActorFactory(seat=tree["rennes"]))
    ThemeFactory()
    AudienceFactory()
    return client


def _admin_models():
    return [(model, model_admin) for model, model_admin in admin.site._registry.items()]


@pytest.mark.parametrize("model, model_admin", _admin_models(), ids=lambda v: getattr(v, "__name__", ""))
def test_changelist_add_and_change_pages_answer_200(superuser_client, rf, model, model_admin):
    opts = model._meta
    assert superuser_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    request = rf.get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    if model_admin.has_add_permission(request):
        assert superuser_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert superuser_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "query", ["status=open", "status=closed", "region=53", "kind=funding_call", "publication_state=published", "q=programme"]
)
def test_programme_changelist_filters(superuser_client, query):
    response = superuser_client.get(reverse("admin:programmes_programme_changelist") + "?" + query)
    assert response.status_code == 200


def _programme_form(**overrides):
    data = {
        "title": "Nouvel appel", "slug": "nouvel-appel", "kind": "funding_call", "recurrence": "one_off",
        "publication_state": "draft", "summary": "", "description": "",
        "roles-TOTAL_FORMS": "0", "roles-INITIAL_FORMS": "0",
        "funded_projects-TOTAL_FORMS": "0", "funded_projects-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_valid_programme_is_saved(superuser_client):
    response = superuser_client.post(reverse("admin:programmes_programme_add"), _programme_form())
    assert response.status_code == 302
    assert Programme.objects.filter(slug="nouvel-appel").exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"opens_on": "2024-05-01", "deadline": "2024-04-01"}, "La date limite ne peut pas précéder"),
        ({"amount_min": "5000", "amount_max": "100"}, "ne peut pas être inférieure"),
        ({"total_budget": "-10"}, "ne peut pas être négatif"),
        ({"website": "pas une url"}, "URL"),
        ({"title": ""}, "obligatoire"),
    ],
)
def test_invalid_programme_shows_the_error_and_saves_nothing(superuser_client, overrides, message):
    before = Programme.objects.count()
    response = superuser_client.post(reverse("admin:programmes_programme_add"), _programme_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Programme.objects.count() == before


def test_invalid_siren_is_refused_in_the_actor_form(superuser_client):
    data = {"name": "Société X", "slug": "societe-x", "kind": "company", "siren": "123456789", "publication_state": "draft"}
    response = superuser_client.post(reverse("admin:actors_actor_add"), data)
    assert response.status_code == 200
    assert "clé de contrôle" in response.content.decode()


def test_publishing_records_who_and_when(superuser_client):
    superuser_client.post(reverse("admin:programmes_programme_add"), _programme_form(publication_state="published"))
    programme = Programme.objects.get(slug="nouvel-appel")
    assert programme.published_by is not None and programme.published_at is not None


def test_admin_pages_link_the_sites_favicon(client):
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    for url in ["/admin/login/", "/admin/password_reset/"]:
        assert f'<link rel="icon" href="{static("favicon.svg")}"' in client.get(url).content.decode()
    assert finders.find("favicon.svg"), "static/favicon.svg (shipped with the public pages)"
