"""The HTML report in a real browser: headless Chromium loads the page from a file.

Chromium comes from Debian (``apt-get install chromium``; ``scripts/ensure-chromium`` does it and
``make test`` calls that). Without it these tests skip and say so. Set ``CLAIMRECON_CHROMIUM`` to use
another binary. ``--dump-dom`` gives the page after its script ran; ``--screenshot`` the rendering.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claimrecon.export.html_export import to_html
from claimrecon.export.view import ReportView
from claimrecon.records import Report


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


def test_every_conflict_and_its_evidence_is_rendered(corpus_report: Report, tmp_path: Path) -> None:
    page, dom = load(corpus_report, tmp_path)
    v = ReportView.of(corpus_report)
    rows = dom.xpath('//table[@id="conflict-table"]/tbody/tr')  # type: ignore[attr-defined]
    assert [r.get("data-conflict") for r in rows] == [k.id for k in v.conflicts()]
    assert not [r for r in rows if r.get("hidden") is not None]
    for k in v.conflicts():
        (art,) = dom.xpath(f'//article[@id="{k.id}"]')  # type: ignore[attr-defined]
        assert art.get("hidden") is None
        quotes = art.xpath(".//blockquote")
        assert [q.get("data-claim") for q in quotes] == list(k.claims)
        for q, cid in zip(quotes, k.claims):
            c = v.claims[cid]
            (p,) = q.xpath("./p[@lang]")
            assert _text(p) == " ".join(c.sentence.split())
            assert [_text(m) for m in p.xpath(".//mark")] == [" ".join(c.text.split())]
            assert c.article in _text(q.xpath("./footer")[0])
    # The script ran (the page's CSP let it): the filter panel shows and counts.
    (panel,) = dom.xpath('//form[@id="filters"]')  # type: ignore[attr-defined]
    assert panel.get("hidden") is None
    n = len(corpus_report.conflicts)
    assert _text(dom.xpath('//*[@id="shown"]')[0]) == f"Showing {n} of {n} discrepancies"  # type: ignore[attr-defined]

    shot = tmp_path / "report.png"
    chromium(page.as_uri(), tmp_path, "--window-size=1280,2200", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("fragment, keep", [
    ("#severity=hard", lambda el: el.get("data-severity") == "hard"),
    ("#lang=pl", lambda el: "pl" in el.get("data-langs").split()),
    ("#severity=soft&lang=en", lambda el: el.get("data-severity") == "soft" and "en" in el.get("data-langs").split()),
])
def test_filters(corpus_report: Report, tmp_path: Path, fragment: str, keep: object) -> None:
    _, dom = load(corpus_report, tmp_path, fragment)
    items = dom.xpath("//*[@data-severity]")  # type: ignore[attr-defined]
    assert items
    for el in items:
        assert (el.get("hidden") is None) == keep(el), (fragment, el.get("data-conflict"))  # type: ignore[operator]
    shown = sum(1 for el in items if el.tag == "tr" and el.get("hidden") is None)
    assert _text(dom.xpath('//*[@id="shown"]')[0]) == f"Showing {shown} of {len(corpus_report.conflicts)} discrepancies"  # type: ignore[attr-defined]


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
