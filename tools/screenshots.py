"""Screenshots of every notebook display, for docs/notebooks.md (``nox -s screenshots``).

Executes ``examples/notebook.ipynb`` with nbclient and a real ipykernel, takes the ``text/html``
output of each code cell tagged ``display:NAME``, lays it out twice on one page (a light and a
dark notebook theme, one above the other), photographs the page with headless Chromium and trims it
with ImageMagick into ``docs/images/NAME.png``.

Needs Chromium and ImageMagick from the system packages (``apt-get install -y chromium
imagemagick``); not run in CI. ``--html-only`` writes the pages without photographing them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "notebook.ipynb"
IMAGES = ROOT / "docs" / "images"

#: (name, background, text colour) of the two themes each display is shown in; the colours
#: are JupyterLab's light and dark defaults.
THEMES = (("light", "#ffffff", "#1f2328"), ("dark", "#111111", "#d4d4d4"))
#: Page background around the two panels: trimmed away, it stays as the line between them.
MARGIN_COLOUR = "#8c8c8c"
WIDTH = 1000


def execute(path: Path) -> Any:
    """The notebook at ``path`` after running every cell in a fresh kernel."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return notebook


def tagged_html(notebook: Any) -> dict[str, str]:
    """``{NAME: text/html}`` of each code cell tagged ``display:NAME`` that has an HTML output."""
    found: dict[str, str] = {}
    for cell in notebook.cells:
        names = [
            tag.split(":", 1)[1]
            for tag in cell.metadata.get("tags", ())
            if tag.startswith("display:")
        ]
        markup = [
            out["data"]["text/html"]
            for out in cell.get("outputs", ())
            if "text/html" in out.get("data", {})
        ]
        for name in names:
            if markup:
                found[name] = markup[-1]
    return found


def page(markup: str) -> str:
    """An HTML page with ``markup`` in a light panel above a dark one."""
    panels = "".join(
        f'<div style="background:{background};color:{colour};padding:16px;width:{WIDTH - 56}px;'
        f'font-family:system-ui,sans-serif;font-size:14px">{markup}</div>'
        for _, background, colour in THEMES
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'></head>"
        f'<body style="margin:0;background:{MARGIN_COLOUR}">'
        f'<div style="display:flex;flex-direction:column;gap:10px;padding:12px">{panels}</div>'
        "</body></html>"
    )


def photograph(html_file: Path, png: Path, browser: str, convert: str) -> None:
    """Headless Chromium's screenshot of ``html_file``, the margin trimmed, colours reduced."""
    raw = html_file.with_suffix(".raw.png")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={WIDTH},2400",
            f"--screenshot={raw}",
            html_file.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [convert, str(raw), "-fuzz", "2%", "-trim", "+repage", "-strip", "-colors", "96", str(png)],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder of the PNG files")
    parser.add_argument("--html-only", action="store_true", help="write the pages, no PNGs")
    args = parser.parse_args(argv)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    convert = "/usr/bin/convert" if Path("/usr/bin/convert").exists() else shutil.which("convert")
    if not args.html_only and (browser is None or convert is None):
        print(
            "needs chromium and ImageMagick: apt-get install -y chromium imagemagick",
            file=sys.stderr,
        )
        return 2
    displays = tagged_html(execute(NOTEBOOK))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, markup in sorted(displays.items()):
            html_file = (args.out if args.html_only else Path(scratch)) / f"{name}.html"
            html_file.write_text(page(markup), encoding="utf-8")
            if not args.html_only:
                assert browser is not None
                assert convert is not None
                photograph(html_file, args.out / f"{name}.png", browser, convert)
            print(f"wrote {(html_file if args.html_only else args.out / f'{name}.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
