"""Reproducible figures: Agg backend, fixed SVG hash salt, no dates or software stamps.

Notebooks call :func:`setup` once and :func:`save` per figure; ``save`` writes PNG and SVG to
``<output_dir>/figures`` (when an output folder is given) and returns an image to display, so
no ``<Figure size ...>`` repr or inline SVG enters the notebook.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import pandas as pd

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
    suptitle = fig._suptitle  # a figure of panels has one title above them
    titles = [suptitle.get_text()] if suptitle is not None else [ax.get_title() for ax in fig.axes if ax.get_title()]
    captions = [text.get_text() for text in fig.texts if text is not suptitle]
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
    groups = list(dict.fromkeys(plot[by]))  # earlier term (before the merger) first, as computed
    palette = dict(zip(groups, TERM_COLOURS)) if len(groups) <= len(TERM_COLOURS) else None
    sns.barplot(data=plot, y="domain", x="share", hue=by, hue_order=groups, palette=palette, ax=ax, errorbar=None)
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


# One colour per kind of figure and per term in every figure, so a reader learns them once.
KIND_COLOURS = {"achieved": "#1b7837", "estimated": "#7fbf7b", "target": "#762a83", "on_track": "#5aae61",
                "below_target": "#d6604d", "count": "#888888"}
TERM_COLOURS = ("#4477aa", "#ee6677")  # earlier, later
MAX_LANES = 15  # per territory panel of the tenure lanes


def _year_of(date: str) -> float:
    """A publication date ("2025", "2025-09", "2025-09-27") as a decimal year; NaN if empty."""
    import math

    if not date:
        return math.nan
    parts = [int(p) for p in str(date).split("-")]
    month = parts[1] if len(parts) > 1 else 7  # a year alone: its middle
    day = parts[2] if len(parts) > 2 else 15  # a month alone: its middle
    return parts[0] + (month - 1) / 12 + (day - 1) / 365


def tenure_lanes(tenures, territories: list[str], merger_date: str, lang: str, name: str, output_dir) -> Image:
    """The key posts' tenures as lanes: one panel per territory, one lane per post and person,
    a bar from the first to the last dated article that names them, the merger date marked.
    *tenures* is the rows to draw (``analysis.key_tenures``)."""
    from ..analyse.analysis import label, territory_label

    panels = [t for t in territories if (tenures["territory"] == t).any()]
    # A large corpus names many holders: each panel keeps the ones most articles name.
    shown = pd.concat([tenures[tenures["territory"] == t].nlargest(MAX_LANES, "n_articles", keep="first").sort_index()
                       for t in panels]) if panels else tenures
    left_out, tenures = len(tenures) - len(shown), shown
    heights = [max(1, int((tenures["territory"] == t).sum())) for t in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(9, 1.2 + 0.32 * sum(heights) + 0.5 * len(panels)),
                             sharex=True, squeeze=False, gridspec_kw={"height_ratios": heights})
    merger = _year_of(merger_date)
    for ax, territory in zip(axes[:, 0], panels):
        rows = tenures[tenures["territory"] == territory].reset_index(drop=True)
        for i, r in rows.iterrows():
            start, end = _year_of(r.first_seen), _year_of(r.last_seen)
            ax.plot([start, max(end, start + 0.08)], [i, i], color=TERM_COLOURS[0], linewidth=6, solid_capstyle="butt")
            ax.plot([start], [i], marker="|", color=TERM_COLOURS[0], markersize=10)  # a single article stays visible
        ax.set_yticks(range(len(rows)), [f"{label('post_' + r.position_code, lang)}: {r.name} (n = {r.n_articles})"
                                         for r in rows.itertuples()], fontsize=8)
        ax.invert_yaxis()
        ax.axvline(merger, color="black", linestyle="--", linewidth=1)
        ax.set_title(territory_label(territory, lang=lang), fontsize=10, loc="left")
    from matplotlib.ticker import MaxNLocator

    axes[-1, 0].xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not "2023.5"
    axes[-1, 0].set_xlabel("year (article dates)" if lang == "en" else "năm (ngày đăng bài)")
    fig.suptitle((f"Key posts: first to last article naming each holder (n = {len(tenures)} tenures; dashed: merger date)"
                  if lang == "en" else
                  f"Chức vụ chủ chốt: từ bài đầu đến bài cuối nêu tên người giữ (n = {len(tenures)}; nét đứt: ngày hợp nhất)"),
                 fontsize=11)
    fig.tight_layout()
    more = (f"; {left_out} named in fewer articles are in the table" if lang == "en" else f"; {left_out} dòng khác trong bảng") \
        if left_out else ""
    caption(fig, (f"Data: tenures, key posts, {len(tenures)} rows{more}; dates are articles', not appointments'; "
                  "a person in two territories has a lane in each.") if lang == "en" else
            (f"Dữ liệu: tenures, chức vụ chủ chốt, {len(tenures)} dòng{more}; ngày là ngày đăng bài, không phải ngày bổ nhiệm."))
    return save(fig, name, output_dir)


def growth_panels(growth, territories: list[str], lang: str, name: str, output_dir) -> Image:
    """Growth-rate statements on a time axis, one panel per territory (provinces as a whole):
    a year is a point, a period ("2021-2025", a term) a horizontal range; colour = kind,
    an upward triangle = a floor ("at least")."""
    from ..analyse.analysis import territory_label

    panels = [t for t in territories if (growth["territory"] == t).any()]
    fig, axes = plt.subplots(len(panels), 1, figsize=(8, 1.6 + 2.2 * len(panels)), sharex=True, squeeze=False)
    for ax, territory in zip(axes[:, 0], panels):
        rows = growth[growth["territory"] == territory]
        for r in rows.itertuples():
            first, last = _span(r.refers_to)
            if first is None:
                continue
            colour = KIND_COLOURS.get(r.kind, "#888888")
            marker = "^" if r.qualifier in ("at_least", "more_than") else "o"
            if last > first:
                ax.plot([first, last + 1], [r.value, r.value], color=colour, linewidth=3, alpha=0.7)
            ax.plot([last + 0.5], [r.value], marker=marker, color=colour, markersize=7, linestyle="")
        ax.set_title(f"{territory_label(territory, lang=lang)} (n = {len(rows)})", fontsize=10, loc="left")
        ax.set_ylabel("%")
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], color=KIND_COLOURS[k], marker="o", linestyle="-", label=k) for k in ("achieved", "estimated", "target")]
    handles.append(Line2D([], [], color="#444444", marker="^", linestyle="", label="floor (at least)" if lang == "en" else "tối thiểu"))
    axes[0, 0].legend(handles=handles, fontsize=7, loc="upper right")
    axes[-1, 0].set_xlabel("year the figure refers to; a bar spans a period" if lang == "en" else "năm; thanh ngang là giai đoạn")
    n, articles = len(growth), growth["doc_id"].nunique()
    fig.suptitle(f"GRDP growth: achieved, estimated and targeted (n = {n} statements, {articles} articles)" if lang == "en"
                 else f"Tăng trưởng GRDP: đạt, ước đạt, mục tiêu (n = {n} phát biểu, {articles} bài)", fontsize=11)
    fig.tight_layout()
    caption(fig, (f"Data: quantities, metric grdp_growth, unit percent, provinces as a whole; n = {len(growth)} statements; "
                  "statements that state no year or period are in the table, not drawn.") if lang == "en" else
            (f"Dữ liệu: quantities, grdp_growth, %, toàn tỉnh; n = {len(growth)} phát biểu; phát biểu không có năm chỉ có trong bảng."))
    return save(fig, name, output_dir)


def _span(refers_to: str) -> tuple[int | None, int | None]:
    """``(first year, last year)`` of "2024" or "2021-2025"; ``(None, None)`` when empty."""
    years = [int(y) for y in str(refers_to).split("-") if y.isdigit()]
    return (years[0], years[-1]) if years else (None, None)


def timeline(documents, months, terms: dict, term_names: dict, merger_date: str, lang: str, name: str, output_dir,
             max_rows: int = 40) -> Image | None:
    """Articles and the events they report: up to *max_rows* dated articles one per row (a dot
    for the publication date, a cross for the event), a larger corpus counted by month
    (*months*, ``analysis.by_month``); the congress terms shaded, the merger date dashed.
    ``None`` when no article is dated."""
    from ..analyse.analysis import text

    dated = documents.assign(
        published_date=pd.to_datetime(documents["published"].where(documents["published"].str.len() == 10,
                                                                     documents["published"] + "-15"), errors="coerce"),
        event=pd.to_datetime(documents["event_date"], errors="coerce")).dropna(subset=["published_date"])
    if dated.empty:
        return None
    per_article = len(dated) <= max_rows
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(dated) + 1.5) if per_article else (9, 4))
    for index, (term, (start, end)) in enumerate(terms.items()):
        ax.axvspan(pd.Timestamp(f"{start}-01-01"), pd.Timestamp(f"{end}-12-31"), alpha=(0.08, 0.16)[index],
                   color=TERM_COLOURS[index], label=term_names[term])
    ax.axvline(pd.Timestamp(merger_date), color="black", linestyle="--", label=text("fig_merger_date", lang))
    if per_article:
        # Each row is an article, named by its outlet and publication date (never its hash id).
        dated = dated.assign(article=dated["outlet"].replace("", "?") + " · " + dated["published"]
                             + dated.groupby(["outlet", "published"]).cumcount().map(lambda k: f" ({k + 1})" if k else ""))
        ax.scatter(dated["published_date"], dated["article"], marker="o", label=text("fig_published", lang))
        events = dated.dropna(subset=["event"])
        ax.scatter(events["event"], events["article"], marker="x", color="red", label=text("fig_event", lang))
    else:
        months = months.assign(date=pd.to_datetime(months["month"] + "-15"))
        ax.bar(months["date"], months["n_published"], width=25, label=text("fig_articles_published", lang))
        events = months[months["n_events"] > 0]  # dots, not a line: a line would bridge months without events
        ax.plot(events["date"], events["n_events"], "o", markersize=3, color="red", label=text("fig_events_reported", lang))
        ax.set_ylabel(text("fig_per_month", lang))
    ax.set_xlabel(text("fig_date", lang))
    ax.set_title(text("fig_timeline_title", lang, n=len(dated)))
    ax.legend(loc="upper left", fontsize=8)
    caption(fig, text("fig_timeline_caption_articles" if per_article else "fig_timeline_caption_months", lang))
    return save(fig, name, output_dir)


def plan_structures(plot, n_plans: int, lang: str, name: str, output_dir) -> Image:
    """Counts of plan elements by plan (*plot*: ``analysis.plan_structures`` with a ``plan``
    label, the most stated of *n_plans* plans)."""
    import seaborn as sns

    from ..analyse.analysis import text

    fig, ax = plt.subplots(figsize=(8, 4))
    sns.barplot(data=plot, x="element", y="count", hue="plan", ax=ax, errorbar=None)
    ax.set_xlabel(text("fig_plan_element", lang))
    ax.set_ylabel(text("fig_plan_count", lang))
    shown = plot["plan"].nunique()
    more = text("fig_plans_more", lang, shown=shown, total=n_plans) if shown < n_plans else ""
    ax.set_title(text("fig_plans_title", lang, n=len(plot), d=plot["doc_id"].nunique(), more=more))
    ax.tick_params(axis="x", rotation=20)
    ax.legend(fontsize=7)
    caption(fig, text("fig_plans_caption", lang))
    return save(fig, name, output_dir)


def vocabulary(plot, lang: str, name: str, output_dir) -> Image:
    """Administrative vocabulary per 100 sentences before and after the merger
    (``analysis.vocabulary_by_period``, dated sentences only)."""
    import seaborn as sns

    from ..analyse.analysis import label, text

    fig, ax = plt.subplots(figsize=(8, 4))
    sizes = plot.drop_duplicates("period").set_index("period")["n_sentences"]
    named = {p: f"{label(p, lang)} (n = {sizes[p]})" for p in sizes.index}
    periods = [p for p in ("pre_merger", "post_merger") if p in named]
    sns.barplot(data=plot.assign(period=plot["period"].map(named)), y="term", x="per_100_sentences", hue="period",
                hue_order=[named[p] for p in periods], palette=[c for p, c in zip(("pre_merger", "post_merger"), TERM_COLOURS)
                                                               if p in named], ax=ax, errorbar=None)
    ax.set_xlabel(text("fig_vocabulary_x", lang))
    ax.set_ylabel("")
    ax.set_title(text("fig_vocabulary_title", lang, n=int(sizes.sum())))
    caption(fig, text("fig_vocabulary_caption", lang))
    return save(fig, name, output_dir)
