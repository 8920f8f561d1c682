"""The API's error answers: JSON, in French and in English (issue 14, item 11), never a 500 page.

{"erreur": {"code": "parametre_invalide", "message": "…", "message_en": "…",
            "details": [{"parametre": "contrat", "valeur": "cdi", "message": "…", "message_en": "…"}]}}
"""

from django.http import JsonResponse


class ApiError(Exception):
    """Raised by a view, answered by api.http.api_view."""

    def __init__(self, status, code, message, message_en, details=()):
        super().__init__(message)
        self.status, self.code, self.message, self.message_en, self.details = (
            status,
            code,
            message,
            message_en,
            list(details),
        )

    def response(self):
        return error_response(self.status, self.code, self.message, self.message_en, self.details)


def error_response(status, code, message, message_en, details=()):
    body = {"erreur": {"code": code, "message": message, "message_en": message_en, "details": list(details)}}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def detail(parameter, value, message, message_en):
    return {"parametre": parameter, "valeur": value, "message": message, "message_en": message_en}


def bad_parameters(details):
    return ApiError(
        400,
        "parametre_invalide",
        "Paramètre invalide : voir le détail de chaque paramètre refusé.",
        "Invalid parameter: see the details of each rejected parameter.",
        details,
    )
