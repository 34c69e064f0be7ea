"""sitemap.xml: the public pages in both languages, with absolute addresses from SITE_URL."""
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from actors.models import Actor
from programmes.models import Programme


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        # SITE_URL, not the request's Host: the addresses must be the public ones behind any proxy.
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class StaticPages(SiteSitemap):
    names = (
        "home", "programmes:list", "actors:list", "projects:list", "stats:index",
        "pages:accessibility", "pages:legal", "pages:contact", "pages:sitemap", "pages:search_help",
    )

    def items(self):
        return list(self.names)

    def location(self, item):
        return reverse(item)


class Programmes(SiteSitemap):
    def items(self):
        return Programme.objects.published().only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class Actors(SiteSitemap):
    def items(self):
        return Actor.objects.published().only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": StaticPages, "programmes": Programmes, "actors": Actors}
