"""The HTML report in a real browser: headless Chromium loads the page from a file.

Chromium comes from Debian (``apt-get install chromium``; ``scripts/ensure-chromium`` does it and
``make test`` calls that). Without it these tests skip and say so. Set ``CLAIMRECON_CHROMIUM`` to use
another binary. ``--dump-dom`` gives the page after its script ran; ``--screenshot`` the rendering.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from claimrecon.export.html_export import to_html
from claimrecon.export.view import ReportView
from claimrecon.records import Report

from .conftest import CORPUS


def find_chromium() -> str | None:
    """The Chromium binary to drive, or None."""
    for c in (os.environ.get("CLAIMRECON_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium",
              shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found: run `scripts/ensure-chromium` (Debian: "
                       "apt-get install chromium chromium-driver) or set CLAIMRECON_CHROMIUM; the HTML report is "
                       "not tested in a browser"),
]
lxml_html = pytest.importorskip("lxml.html")


def chromium(url: str, tmp: Path, *extra: str) -> str:
    """Run headless Chromium on ``url`` with ``extra`` flags; returns its stdout."""
    assert CHROMIUM is not None
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={tmp / 'chromium-profile'}", "--hide-scrollbars", *extra, url]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def load(report: Report, tmp: Path, fragment: str = "") -> tuple[Path, object]:
    """Write the report's page, load it in Chromium, return (file, the DOM after scripts ran)."""
    page = tmp / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    dom = chromium(page.as_uri() + fragment, tmp, "--dump-dom")
    return page, lxml_html.fromstring(dom)


def _text(el: object) -> str:
    return " ".join(el.text_content().split())  # type: ignore[attr-defined]


def test_every_quantity_and_its_evidence_is_rendered(corpus_report: Report, tmp_path: Path) -> None:
    page, dom = load(corpus_report, tmp_path)
    v = ReportView.of(corpus_report)
    ds = v.disputes()
    rows = dom.xpath('//table[@id="dispute-table"]/tbody/tr')  # type: ignore[attr-defined]
    assert [r.get("data-group") for r in rows] == [d.group.id for d in ds]
    assert not [r for r in rows if r.get("hidden") is not None]
    for d in ds:
        (art,) = dom.xpath(f'//article[@id="{d.group.id}"]')  # type: ignore[attr-defined]
        assert art.get("hidden") is None
        # its number line: one interval per comparable figure, drawn (inline SVG, no script needed)
        (svg,) = art.xpath(".//*[local-name()='svg']")
        assert len(svg.xpath(".//*[local-name()='line'][@class='interval']")) == len(
            [p for p in d.positions if p.comparable])
        quoted = {q.get("data-claim") for q in art.xpath(".//blockquote")}
        for k in d.conflicts:
            for cid in k.claims:
                c = v.claims[cid]
                assert cid in quoted or any(
                    v.claims[q].article == c.article and v.claims[q].sentence == c.sentence for q in quoted)
    # every section of the Markdown report is on the page
    heads = [_text(h) for h in dom.xpath("//h2")]  # type: ignore[attr-defined]
    assert heads == ["Quantities in dispute", "Evidence", "Agreements", "Timelines", "Single-source figures",
                     "Figures not compared", "Articles"]
    assert dom.xpath('//section[@id="timelines"]//*[local-name()="svg"]')  # type: ignore[attr-defined]
    # The script ran (the page's CSP let it): the filter panel shows and counts.
    (panel,) = dom.xpath('//form[@id="filters"]')  # type: ignore[attr-defined]
    assert panel.get("hidden") is None
    n = len(ds)
    assert _text(dom.xpath('//*[@id="shown"]')[0]) == f"Showing {n} of {n} quantities in dispute"  # type: ignore[attr-defined]
    labels = {b.get("value"): _text(b.getparent()) for b in panel.xpath(".//input")}
    assert labels["hard"] == "hard (1)" and labels["soft"] == "soft (2)" and labels["open"] == "open (3)"


@pytest.mark.parametrize("fragment, keep", [
    ("#severity=hard", lambda el: el.get("data-severity") == "hard"),
    ("#quantity=followers", lambda el: el.get("data-quantity") == "followers"),
    ("#state=open&severity=soft", lambda el: el.get("data-state") == "open" and el.get("data-severity") == "soft"),
    ("#state=dismissed", lambda el: el.get("data-state") == "dismissed"),
])
def test_filters(corpus_report: Report, tmp_path: Path, fragment: str, keep: object) -> None:
    _, dom = load(corpus_report, tmp_path, fragment)
    items = dom.xpath("//*[@data-quantity]")  # type: ignore[attr-defined]
    assert items
    for el in items:
        assert (el.get("hidden") is None) == keep(el), (fragment, el.get("data-group"))  # type: ignore[operator]
    shown = sum(1 for el in items if el.tag == "tr" and el.get("hidden") is None)
    total = len(ReportView.of(corpus_report).disputes())
    assert _text(dom.xpath('//*[@id="shown"]')[0]) == f"Showing {shown} of {total} quantities in dispute"  # type: ignore[attr-defined]


def test_a_dismissed_quantity_moves_out_of_the_open_list(tmp_path: Path) -> None:
    import json

    import claimrecon

    reviews = tmp_path / "reviews.json"
    first = claimrecon.compare([str(CORPUS)])
    listeners = next(d.group.id for d in ReportView.of(first).disputes() if d.name == "listeners")
    reviews.write_text(json.dumps({"schema": "claimrecon-reviews/1", "reviews": [
        {"target": listeners, "state": "dismissed", "note": "different moments"}]}), encoding="utf-8")
    report = claimrecon.compare([str(CORPUS)], reviews=reviews)
    _, dom = load(report, tmp_path, "#state=open")
    open_rows = dom.xpath('//table[@id="dispute-table"]/tbody/tr')  # type: ignore[attr-defined]
    assert listeners not in [r.get("data-group") for r in open_rows]
    (done,) = dom.xpath('//table[@id="reviewed-table"]/tbody/tr')  # type: ignore[attr-defined]
    assert done.get("data-group") == listeners and done.get("hidden") is not None  # filtered out: open only
    assert "dismissed: different moments" in _text(done)
    assert _text(dom.xpath('//*[@id="shown"]')[0]) == "Showing 2 of 3 quantities in dispute"  # type: ignore[attr-defined]


#: measures, once the page is laid out, whether anything sticks out on the right, and tells the page
#: around it. Added for the test only, with the report's Content-Security-Policy removed so that it may
#: run; the layout is the report's own. The report sits in an iframe of the width tested: headless
#: Chromium lays a window out at 500 px at least, an iframe at any width.
OVERFLOW_PROBE = """<script>
(function () {
  var w = document.documentElement.clientWidth, wide = [];
  Array.prototype.forEach.call(document.querySelectorAll("body *"), function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1) { wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.getAttribute("class")); }
  });
  parent.postMessage(w + " " + document.documentElement.scrollWidth + " " + wide.slice(0, 8).join(","), "*");
}());
</script>"""
HOST = """<!DOCTYPE html><html><body><iframe src="probe.html" width="{width}" height="900"></iframe>
<script>window.addEventListener("message", function (ev) {{ document.body.setAttribute("data-probe", ev.data); }});</script>
</body></html>"""


@pytest.mark.parametrize("width", [1280, 400, 360])
def test_no_horizontal_overflow(corpus_report: Report, tmp_path: Path, width: int) -> None:
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", to_html(corpus_report))
    (tmp_path / "probe.html").write_text(html.replace("</body>", OVERFLOW_PROBE + "</body>"), encoding="utf-8")
    (tmp_path / "host.html").write_text(HOST.format(width=width), encoding="utf-8")
    dom = lxml_html.fromstring(chromium((tmp_path / "host.html").as_uri(), tmp_path, "--window-size=1400,1000", "--dump-dom"))
    probe = dom.xpath("//body")[0].get("data-probe")  # type: ignore[attr-defined]
    assert probe, "the probe did not run"
    viewport, scroll, wide = (probe + " ").split(" ", 2)
    assert int(viewport) == width
    assert int(scroll) <= width and not wide.strip(), f"sticks out at {width} px: {wide}"


@pytest.mark.parametrize("width", [1280, 400])
def test_screenshot(corpus_report: Report, tmp_path: Path, width: int) -> None:
    page = tmp_path / "report.html"
    page.write_text(to_html(corpus_report), encoding="utf-8")
    shot = tmp_path / f"report-{width}.png"
    chromium(page.as_uri(), tmp_path, f"--window-size={width},2400", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert int.from_bytes(data[16:20], "big") == width  # the PNG's width: the page laid out at this width
    print(f"screenshot: {shot}")


def test_hostile_article_stays_text(tmp_path: Path) -> None:
    import claimrecon

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil_en.txt").write_text(
        "Hostile <b>title</b>\n\nMore than 500,000 listeners <script>alert(1)</script> | joined, "
        "<img src=x onerror=alert(1)> [x](javascript:alert(1)) `code`.\n", encoding="utf-8")
    (folder / "calm_en.txt").write_text("Calm\n\nAbout 300,000 listeners joined the stream.\n", encoding="utf-8")
    report = claimrecon.compare([str(folder)], lang="en")
    _, dom = load(report, tmp_path)
    assert len(dom.xpath("//script")) == 1  # type: ignore[attr-defined]
    assert not dom.xpath("//img | //iframe | //object | //a[starts-with(@href, 'javascript')]")  # type: ignore[attr-defined]
    assert not dom.xpath("//*[@onerror or @onload or @onclick]")  # type: ignore[attr-defined]
    assert dom.xpath("//title")[0].text == "claimrecon report: where the articles disagree"  # type: ignore[attr-defined]
    body = _text(dom.xpath("//body")[0])  # type: ignore[attr-defined]
    assert report.conflicts, "the hostile article should conflict with the calm one"
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(1)>" in body
