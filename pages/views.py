"""Site pages, robots.txt and the favicon route."""
from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.generic import RedirectView, TemplateView

from search.models import Synonym

from .sitemaps import SITEMAPS

# Exports, feeds and calendars: the same rows as the pages that link to them, in every
# combination of filters; crawlers have nothing to gain from them.
UNCRAWLED = ("programmes:export", "programmes:feed", "programmes:calendar", "actors:export", "projects:export")


def publisher():
    """Who publishes the site, from the settings (placeholders until the operator fills them in)."""
    return {
        "name": settings.SITE_PUBLISHER,
        "host": settings.SITE_HOST,
        "email": settings.CONTACT_EMAIL,
        "site_url": settings.SITE_URL,
    }


class SitePage(TemplateView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(publisher=publisher(), **kwargs)


class SearchHelpPage(SitePage):
    """The search syntax explained (`search.query`), with the synonym groups the editors keep:
    they change what a search finds, so a visitor is shown the current ones."""

    template_name = "pages/search_help.html"

    def get_context_data(self, **kwargs):
        groups = [[part.strip() for part in synonym.expressions.split("|") if part.strip()] for synonym in Synonym.objects.all()]
        return super().get_context_data(synonyms=groups, **kwargs)


def uncrawled_paths():
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in UNCRAWLED]
            paths.append(reverse("stats:index") + "*.csv")
    return paths


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /i18n/"]
    lines += [f"Disallow: {path}" for path in uncrawled_paths()]
    lines += ["", f"Sitemap: {settings.SITE_URL}{reverse('sitemap-index')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class FaviconView(RedirectView):
    """Browsers (and the admin) ask for /favicon.ico whatever the page says: the file is a static one."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.ico")


def sitemap_index(request):
    """/sitemap.xml: the index of the sections' sitemaps (and of their pages past 50,000 addresses),
    at SITE_URL's addresses, as the sections' own entries are."""
    entries = []
    for section, sitemap in SITEMAPS.items():
        url = settings.SITE_URL + reverse("sitemap-section", kwargs={"section": section})
        pages = sitemap().paginator.num_pages
        entries += [{"location": url}] + [{"location": f"{url}?p={page}"} for page in range(2, pages + 1)]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml")
