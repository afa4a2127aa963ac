"""axe-core, run inside the page the browser shows, against WCAG 2.0 and 2.1 level A and AA.

The script comes from node_modules (package-lock.json pins the version; `make install` runs
`npm ci`). A page passes when axe finds nothing serious or critical; minor and moderate findings
are left to review, since axe rates them as possibly harmless in context.
"""

from pathlib import Path

from django.conf import settings

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def violations(page):
    """Every WCAG A/AA violation axe finds in the page as it is now."""
    # Evaluated through the DevTools protocol, which the site's Content-Security-Policy (no
    # inline scripts) does not block, while the page itself stays under that policy.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return results["violations"]


def blocking(found):
    return [violation for violation in found if violation["impact"] in BLOCKING_IMPACTS]


def describe(found, url):
    """A failure message a person can act on: rule, impact, where, and how to fix it."""
    lines = [f"{len(found)} serious or critical accessibility violation(s) on {url}:"]
    for violation in found:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
        lines.append(f"    {violation['helpUrl']}")
    return "\n".join(lines)
