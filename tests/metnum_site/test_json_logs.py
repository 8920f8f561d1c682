import json
import logging
import sys

from django.test import RequestFactory

from metnum_site.json_logs import JsonFormatter


def formatted(message, *args, exc_info=None, **extra):
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, exc_info)
    record.__dict__.update(extra)
    return JsonFormatter().format(record)


def test_a_log_record_is_one_line_of_json():
    line = formatted("Offre « %s » introuvable\nligne suivante", "Développeuse")

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Offre « Développeuse » introuvable\nligne suivante"
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["time"].endswith("+00:00")


def test_request_and_exception_are_kept_on_the_same_line():
    request = RequestFactory().get("/offres/?q=%22%0A")
    try:
        raise ValueError("boum")
    except ValueError:
        line = formatted("Internal Server Error: %s", request.path, exc_info=sys.exc_info(), request=request,
                         status_code=500)  # fmt: skip

    assert "\n" not in line
    entry = json.loads(line)
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/offres/", 500)
    assert entry["exception"].startswith("Traceback") and "ValueError: boum" in entry["exception"]


def test_production_logs_through_the_json_formatter():
    from tests.metnum_site.test_settings import PRODUCTION, SECRETS, manage

    result = manage(
        "shell", "-c", "import logging; logging.getLogger('metnum').warning('Import « %s » terminé', 'été')",
        **SECRETS, **PRODUCTION,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("{")]
    assert json.loads(line)["message"] == "Import « été » terminé"
