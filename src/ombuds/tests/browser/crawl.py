"""A crawl of staff and beheer pages in Chromium that checks, on each page, in one visit:

- axe-core finds no WCAG 2.0/2.1 A or AA violation, at desktop (1280 px) and phone (375 px)
  width, and the page does not scroll sideways at either;
- the browser reports no Content-Security-Policy refusal and no script error.

Axe comes in through an init script (the DevTools protocol), which the page's policy does not
govern, so the context keeps the real policy (no ``bypass_csp``) and a refusal the page itself
causes is seen. Screenshots at both widths go to ``OMBUDS_SCREENSHOT_DIR`` when it is set.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from ombuds.tests.browser.test_csp import COLLECT
from ombuds.tests.browser.test_public_accessibility import AXE, WCAG_TAGS, WIDTHS

#: ``preload: false``: axe would read the stylesheets into <style> elements of its own, which
#: the policy refuses (and the refusal would look like the page's); only the orientation-lock
#: rule needs them, and no Ombuds stylesheet locks the orientation.
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})
  .then(result =>
  result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
    v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)).join('; ')))"""


def slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


class Crawler:
    """One browser context (one logged-in user); ``visit`` checks a page and records what is
    wrong in ``problems``."""

    def __init__(self, chromium, base_url: str):
        self.context = chromium.new_context(base_url=base_url, locale="nl-NL",
                                            viewport={"width": WIDTHS["desktop"], "height": 900})
        self.context.add_init_script(COLLECT)
        self.context.add_init_script(path=str(AXE))
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.problems: list[str] = []
        self.visited: list[str] = []
        self.shots = os.environ.get("OMBUDS_SCREENSHOT_DIR")
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(
            f"{self.page.url}: script error {error}"))

    def _console(self, message) -> None:
        if message.location.get("url", "").endswith(AXE.name):
            return  # axe's own doing, not the page's
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.problems.append(f"{self.page.url}: console {message.text}")

    def _csp(self, url: str) -> None:
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.problems.append(f"{url}: CSP {violation}")
        self.page.evaluate("window.__cspViolations = []")

    def visit(self, url: str, *, idle: bool = False) -> None:
        """Open ``url`` (``idle``: wait until htmx's requests after loading are done too)."""
        try:
            response = self.page.goto(url)
        except PlaywrightError as error:
            self.problems.append(f"{url}: {error}")
            return
        if response is None or response.status != 200:
            self.problems.append(f"{url}: HTTP {response.status if response else '-'}")
            return
        self.page.wait_for_load_state("networkidle" if idle else "load")
        self.check(url)

    def check(self, url: str) -> None:
        """Check the page as it is now (e.g. a form after a failed submit), named ``url``."""
        self.visited.append(url)
        self._csp(url)
        for label, width in WIDTHS.items():
            self.page.set_viewport_size({"width": width, "height": 900})
            overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                self.problems.append(f"{url} at {width}px scrolls sideways by {overflow}px")
            self.problems += [f"{url} at {width}px: {v}"
                              for v in self.page.evaluate(RUN_AXE, WCAG_TAGS)]
            if self.shots:
                Path(self.shots).mkdir(parents=True, exist_ok=True)
                self.page.screenshot(path=f"{self.shots}/{slug(url)}-{label}.png", full_page=True)
        self.page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
        self._csp(url)

    def close(self) -> None:
        self.context.close()
