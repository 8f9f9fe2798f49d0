"""Render executed notebooks to an HTML report: one page per notebook and an index."""

from __future__ import annotations

import html
from pathlib import Path


def render_report(notebooks: list[Path], report_dir: Path) -> Path:
    """Write ``<name>.html`` per notebook and ``index.html`` linking them; return the index.

    Corpus text reaches the pages only through notebook outputs, which nbconvert escapes
    (plain text) or pandas escapes (tables); the index escapes every title itself.
    """
    import nbformat
    from nbconvert import HTMLExporter

    report_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", template_file=str(Path(__file__).parent / "templates" / "report.html.j2"))
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    items = []
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook)
        page = report_dir / f"{path.stem}.html"
        page.write_text(body, encoding="utf-8")
        items.append((page.name, _title(notebook) or path.stem))
    links = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>' for name, title in items)
    index = report_dir / "index.html"
    index.write_text(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>cantho-analysis report</title></head><body>\n"
        "<h1>cantho-analysis: Cần Thơ City Party Committee, XIV term versus I term</h1>\n"
        f"<ol>\n{links}\n</ol>\n<p>Tables: <a href=\"../data/\">data/</a> (CSV, Parquet, datapackage.json); "
        "figures: <a href=\"../figures/\">figures/</a>.</p>\n</body></html>\n", encoding="utf-8")
    return index


def _title(notebook) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""
