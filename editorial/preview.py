"""Previews of unpublished entries for the editors who may reach them ("Voir sur le site" on a draft).

A preview is the entry's public page, drawn by its own public view, from the entries the user
reaches in any state, under the admin's address (/admin/<app>/<model>/<id>/preview/): staff
only (the admin's login), never cached (the admin views send `Cache-Control: private, no-store`),
never indexed (`X-Robots-Tag` and a robots meta), marked "Aperçu — non publié" at the top. What
the page names around the entry (its organisations, its funded projects) stays what the public
would see: the public view's own QuerySet methods leave unpublished ones out.
"""
from django.http import Http404, HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.cache import add_never_cache_headers

from . import policy

TEMPLATE = "admin/preview.html"


class EntryPreview:
    """Mixed into a public `DetailView`, before it; `preview_queryset()` is the view's own
    QuerySet without its `published()` filter."""

    def preview_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return policy.reachable(self.request.user, self.preview_queryset())

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not policy.can(request.user, policy.VIEW, self.object):
            raise Http404
        if self.object.is_public:
            return HttpResponseRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_template_names(self):
        return [TEMPLATE]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opts = self.object._meta
        context.update(
            public_template=super().get_template_names()[0], preview_state=self.object.get_publication_state_display(),
            change_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.object.pk]),
        )
        return context

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


def preview_url(entry):
    """The admin preview of `entry`, or None when its model has none."""
    opts = entry._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[entry.pk])
    except NoReverseMatch:
        return None


def preview_urls(model_admin):
    """The preview's address under the model's admin, when it has a `preview_view`."""
    if model_admin.preview_view is None:
        return []
    opts = model_admin.model._meta
    view = model_admin.admin_site.admin_view(model_admin.preview_view.as_view())
    return [path("<int:pk>/preview/", view, name=f"{opts.app_label}_{opts.model_name}_preview")]
