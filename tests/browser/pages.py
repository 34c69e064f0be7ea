"""What the browser tests check on any page they show: no sideways scrolling, no axe-core violation.

axe-core is vendored (tests/browser/vendor, from the npm registry) and run through the DevTools
protocol (`page.evaluate`), which the page's Content-Security-Policy rightly does not allow
for inline scripts but does not govern."""
from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


def overflow(page):
    """How many pixels the page is wider than the window (0 or less: it does not scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def axe_violations(page, *, impacts=EVERY_IMPACT):
    """axe-core's violations at these impacts, each as "rule (impact): its first three elements"."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("""async (impacts) => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.filter(v => impacts.includes(v.impact))
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
    }""", list(impacts))


def page_problems(page, where="", *, impacts=EVERY_IMPACT):
    """Sideways scrolling and axe-core's violations of the page as it is now, each a line naming `where`."""
    prefix = f"{where}: " if where else ""
    width = overflow(page)
    found = [f"{prefix}{width} px too wide"] if width > 0 else []
    return found + [prefix + violation for violation in axe_violations(page, impacts=impacts)]
