"""The admin's second-factor pages: confirm a sign-in with a code, set up an authenticator app, and
see the recovery codes once. French, in the look of Wagtail's sign-in page, with no script."""

import base64
import secrets

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django_otp import login as confirm_sign_in
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Application d'authentification"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code à usage unique",
        max_length=16,
        help_text="Les six chiffres affichés par votre application, ou un code de secours.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    if not user_has_device(request.user, confirmed=True):
        return redirect(f"{reverse('accounts:enrol')}?{urlencode({'next': next_url(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            confirm_sign_in(request, device)
            return redirect(next_url(request))
        form.add_error("code", "Ce code n'est pas valable (ou a déjà servi). Vérifiez l'heure de votre téléphone.")
    return render(request, "accounts/verify.html", {"form": form, "next": next_url(request)})


def qr_code_svg(device):
    """The device's otpauth:// address as an inline SVG: nothing leaves the site to draw it."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="Code QR à scanner" ', 1))  # our own markup


@never_cache
@login_required(login_url="wagtailadmin_login")
def enrol(request):
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': next_url(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = create_recovery_codes(request.user)
            confirm_sign_in(request, device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)})
        form.add_error(
            "code", "Ce code ne correspond pas. Scannez de nouveau le code QR, puis saisissez le nouveau code."
        )
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_code": qr_code_svg(device),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": next_url(request),
        "required": settings.TWO_FACTOR_REQUIRED,
    }
    return render(request, "accounts/enrol.html", context)


def create_recovery_codes(user):
    """Ten new single-use codes, replacing any earlier ones; shown once, stored as given."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Codes de secours", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**10):010d}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return [f"{code[:5]} {code[5:]}" for code in codes]
