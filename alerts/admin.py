"""Subscriptions in the admin, for administrators only, addresses masked: they are the
subscribers' personal data, needed by nobody but the mail server."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Subscription


def masked(email):
    """"j***@example.org": enough to answer "is my address subscribed?", no more."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "masked_email", "frequency", "language", "created_at", "confirmed_at", "last_sent_at")
    list_filter = ("frequency", "language")
    fields = readonly_fields = ("masked_email", "query", "frequency", "language", "created_at", "confirmed_at", "last_sent_at")
    # No search: searching by address would tell whoever searches whether it is subscribed.
    actions = ["delete_selected"]

    @admin.display(description=_("adresse e-mail"))
    def masked_email(self, obj):
        return masked(obj.email)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False  # only the subscriber, by the confirmation link

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
