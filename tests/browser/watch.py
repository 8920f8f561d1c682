"""What the browser complains about while a test drives a page: Content-Security-Policy refusals and
other console errors or warnings (the DSFR's included), and subresources (stylesheets, scripts,
images, fonts, fetches) that fail or answer an error. Any of them fails the test."""

# Chromium's own notices that say nothing about the site.
IGNORED_CONSOLE = ("[DOM] Input elements should have autocomplete attributes",)


class PageWatch:
    def __init__(self, page):
        self.problems = []
        self.documents = set()
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"erreur JavaScript : {error}"))
        page.on("response", self.on_response)
        page.on("requestfailed", self.on_request_failed)

    def on_console(self, message):
        if message.type not in {"error", "warning"} or message.text.startswith(IGNORED_CONSOLE):
            return
        url = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and url in self.documents:
            return  # a page a test opened on purpose (a 404, a refused admin URL): not a subresource
        self.problems.append(f"console ({message.type}) : {message.text} [{url}]")

    def on_response(self, response):
        request = response.request
        if request.resource_type == "document":
            self.documents.add(response.url)
        elif response.status >= 400:
            self.problems.append(f"{request.resource_type} {response.url} : HTTP {response.status}")

    def on_request_failed(self, request):
        if request.failure and "ERR_ABORTED" in request.failure:
            return  # a load cut short by the next navigation
        self.problems.append(f"{request.resource_type} {request.url} : {request.failure}")

    def assert_clean(self):
        assert not self.problems, "Le navigateur signale :\n" + "\n".join(self.problems)
