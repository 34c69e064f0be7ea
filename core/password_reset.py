"""Password reset by e-mail for admin accounts: Django's views and the admin's templates.

The answer is the same whether or not an account has the address (Django sends nothing for an
unknown one), links are built from SITE_URL rather than from the request's Host header, and a
limit caps the mails per address and per client (a flood must not send unlimited mails, nor
bury an inbox), counted by core.counters: the same count in every worker process.
"""
import hashlib
from urllib.parse import urlsplit

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.client_address import client_ip
from core.counters import hit

LIMIT_PERIOD = 60 * 60  # seconds: the limits below count per hour


class AdminLookMixin:
    """The admin's header and title on the reset pages (the admin's registration templates)."""

    def get_context_data(self, **kwargs):
        # Not each_context(): it would add the navigation sidebar, empty for a logged-out visitor.
        site = admin.site
        return {"site_header": site.site_header, "site_title": site.site_title, "site_url": site.site_url,
                **super().get_context_data(**kwargs)}


class BadFormIs400Mixin:
    """A refused form is a client error: shown again with its messages, status 400."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class StaffPasswordResetForm(PasswordResetForm):
    """Only admin accounts reset their password here (the site has no other accounts)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


def site_link_context():
    """Protocol and domain of the reset link, from SITE_URL: a forged Host must not pick them."""
    parts = urlsplit(settings.SITE_URL)
    return {"protocol": parts.scheme or "https", "domain": parts.netloc, "site_name": parts.netloc}


def under_limit(key, limit):
    """Count one more request under `key` this period; False once `limit` is exceeded."""
    count, _retry_after = hit(key=key, window=LIMIT_PERIOD)
    return count <= limit


def reset_mail_allowed(request, email):
    """Whether one more reset mail may go to `email` for this client (both are counted)."""
    by_client = under_limit(f"password-reset:ip:{client_ip(request)}", settings.PASSWORD_RESET_LIMIT_PER_IP)
    # Hashed: an address may hold characters a cache key cannot.
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return by_client and under_limit(f"password-reset:email:{digest}", settings.PASSWORD_RESET_LIMIT_PER_EMAIL)


class ResetRequestView(AdminLookMixin, BadFormIs400Mixin, auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm

    def form_valid(self, form):
        if not reset_mail_allowed(self.request, form.cleaned_data["email"]):
            # Counted for unknown addresses too, so this answer reveals nothing about accounts.
            form.add_error("email", ValidationError(
                _("Trop de demandes de réinitialisation. Réessayez dans une heure."), code="throttled"))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        self.extra_email_context = site_link_context()
        return super().form_valid(form)


class ResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    pass


class SetPasswordView(AdminLookMixin, BadFormIs400Mixin, auth_views.PasswordResetConfirmView):
    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        if not self.validlink and response.status_code == 200:
            response.status_code = 400  # expired, used or forged link
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        # The owner proved they read the account's mailbox: lift the lockouts that the forgotten
        # password caused, or the new password would be refused for up to an hour.
        AxesProxyHandler.reset_attempts(username=form.user.get_username())
        return response


class ResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    pass
