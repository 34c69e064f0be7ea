import pytest

SITE = "https://annuaire.example.org"


@pytest.fixture(autouse=True)
def alert_settings(settings):
    settings.SITE_URL = SITE
    settings.EMAIL_CONFIGURED = True
    settings.DEFAULT_FROM_EMAIL = "Annuaire santé <annuaire@example.org>"
