"""Guards the browser harness itself: what the site's Content-Security-Policy refuses, and a
subresource that fails, must reach the test as problems."""

from .watch import PageWatch


def test_an_inline_script_without_the_nonce_is_refused_and_reported(browser, site_url):
    context = browser.new_context(ignore_https_errors=True)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(site_url + "/")

    ran = page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            return window.injected === true;
        }"""
    )
    page.evaluate("() => fetch('/static/absent.css').catch(() => null)")
    page.wait_for_timeout(200)
    context.close()

    assert not ran
    assert any("Content Security Policy" in problem for problem in watch.problems), watch.problems
    assert any("absent.css" in problem and "404" in problem for problem in watch.problems), watch.problems
