"""Reproducible figures: Agg backend, fixed SVG hash salt, no dates or software stamps.

Notebooks call :func:`setup` once and :func:`save` per figure; ``save`` writes PNG and SVG to
``<output_dir>/figures`` (when an output folder is given) and returns an image to display, so
no ``<Figure size ...>`` repr or inline SVG enters the notebook.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from IPython.display import Image  # noqa: E402

SVG_METADATA = {"Date": None}
PNG_METADATA = {"Software": None}


def setup() -> None:
    """Set deterministic, Vietnamese-capable plotting defaults.

    >>> setup(); matplotlib.rcParams["svg.hashsalt"]
    'cantho-analysis'
    """
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook", font="DejaVu Sans")
    matplotlib.rcParams.update({
        "svg.hashsalt": "cantho-analysis",
        "svg.fonttype": "path",
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "font.family": "DejaVu Sans",  # has every Vietnamese diacritic
    })


def caption(fig, text: str) -> None:
    """Write the figure's caption under it: which table and rows it draws, and their n.

    >>> setup(); fig, ax = plt.subplots(); caption(fig, "Data: quantities (n = 3).")
    >>> fig.texts[-1].get_text()
    'Data: quantities (n = 3).'
    """
    # Below everything already drawn (rotated tick labels included), whatever the figure's size.
    renderer = fig.canvas.get_renderer()
    bottom = fig.get_tightbbox(renderer).y0 / fig.get_figheight()
    fig.text(0.01, bottom - 0.02, text, ha="left", va="top", fontsize=8, wrap=True)


def save(fig, name: str, output_dir: str | Path | None) -> Image:
    """Write *fig* as ``name.png`` and ``name.svg`` and return it as a displayable PNG.

    >>> setup(); fig, ax = plt.subplots(); _ = ax.set_title("Tăng trưởng")
    >>> save(fig, "t", None).format
    'png'
    """
    png = _png(fig)
    if output_dir:
        folder = Path(output_dir) / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.png").write_bytes(png)
        fig.savefig(folder / f"{name}.svg", format="svg", metadata=SVG_METADATA, bbox_inches="tight")
    plt.close(fig)
    return FigureImage(png, describe(fig))


class FigureImage(Image):
    """A PNG to display whose plain-text form is the figure's title and caption: what nbval
    compares, and the alt text of the image in the HTML report (screen readers, tests)."""

    def __init__(self, png: bytes, description: str):
        super().__init__(data=png, format="png")
        self.description = description

    def __repr__(self) -> str:
        return self.description


def describe(fig) -> str:
    """``Figure: <title>. <caption>`` of *fig*.

    >>> setup(); fig, ax = plt.subplots(); _ = ax.set_title("Tăng trưởng (n = 3)"); caption(fig, "Data: quantities.")
    >>> describe(fig)
    'Figure: Tăng trưởng (n = 3). Data: quantities.'
    """
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    captions = [text.get_text() for text in fig.texts]
    return " ".join(["Figure: " + "; ".join(titles) + "."] + captions)


MAX_PIXELS = 2000


def _png(fig) -> bytes:
    """The PNG of *fig*, its longer side at most MAX_PIXELS: a figure with many rows is drawn at
    a lower resolution rather than as a picture no screen or page can show."""
    dpi = matplotlib.rcParams["savefig.dpi"]
    for _ in range(3):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata=PNG_METADATA, bbox_inches="tight", dpi=dpi)
        png = buffer.getvalue()
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # IHDR
        if max(width, height) <= MAX_PIXELS:
            return png
        dpi = dpi * MAX_PIXELS / max(width, height) * 0.99
    return png


def share_barplot(shares, by: str, lang: str, name: str, output_dir: str | Path | None, names: dict | None = None) -> Image:
    """Horizontal bars of each policy domain's share of sentences, one colour per *by* group
    (``term`` or ``period``), as computed by :func:`cantho_analysis.analyse.analysis.domain_shares`;
    *names* labels the groups (the term names), else the package vocabulary does."""
    import seaborn as sns

    from ..analyse.analysis import label

    sizes = shares.drop_duplicates(by).set_index(by)["n_sentences"]
    # The legend names each group with its n: a share is only as good as the sentences under it.
    plot = shares.assign(domain=shares["domain"].map(lambda code: label(code, lang)),
                         **{by: shares[by].map(lambda value: f"{(names or {}).get(value) or label(value, lang)} (n = {sizes[value]})")})
    fig, ax = plt.subplots(figsize=(8, 5))
    sns.barplot(data=plot, y="domain", x="share", hue=by, ax=ax, errorbar=None)
    ax.set_xlabel("share of sentences mentioning the domain" if lang == "en" else "tỷ lệ câu nhắc đến lĩnh vực")
    ax.set_ylabel("")
    n = int(sizes.sum())
    ax.set_title((f"Policy domains by {'term' if by == 'term' else 'merger period'} (n = {n} sentences)")
                 if lang == "en" else (f"Lĩnh vực chính sách theo {'nhiệm kỳ' if by == 'term' else 'giai đoạn hợp nhất'} "
                                       f"(n = {n} câu)"))
    caption(fig, (f"Data: sentence_domains joined to sentences, by {by}; n = sentences per group (legend). "
                  "A sentence may mention several domains.") if lang == "en" else
            (f"Dữ liệu: sentence_domains nối với sentences, theo {by}; n = số câu mỗi nhóm (chú giải). "
             "Một câu có thể thuộc nhiều lĩnh vực."))
    ax.legend(fontsize=8)
    return save(fig, name, output_dir)
