from functools import cache

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from .second_factor import must_use_second_factor


class RequireSecondFactorMiddleware:
    """Every admin URL (Wagtail's pages, its API, its choosers, deep links) sends a signed-in person
    who must use a second factor and has not yet confirmed it in this session to the confirmation
    page, or to the set-up page when they have no device yet. Place after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_confirmation(request):
            has_device = user_has_device(request.user, confirmed=True)
            target = reverse("accounts:verify" if has_device else "accounts:enrol")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def needs_confirmation(self, request):
        path = request.path_info
        if not path.startswith(settings.ADMIN_PATH_PREFIXES) or path.startswith(self.open_paths()):
            return False
        user = request.user
        return user.is_authenticated and not user.is_verified() and must_use_second_factor(user)

    @staticmethod
    @cache
    def open_paths():
        return (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            # What these pages load themselves: the admin's translations and its icons.
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
            reverse("accounts:verify"),
            reverse("accounts:enrol"),
            # Django's own admin, routed only where DJANGO_ADMIN_ENABLED (development).
            *((reverse("admin:login"), reverse("admin:logout")) if settings.DJANGO_ADMIN_ENABLED else ()),
        )
