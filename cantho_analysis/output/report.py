"""Render the HTML report: a summary page of findings generated from the tables, an evidence page
with every sentence a finding quotes, and one page per executed notebook, without code."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .. import config
from ..analyse import analysis, findings

# Cells the report pages leave out: the parameters papermill injected (they name machine paths)
# and the notebook's own parameters cell.  The executed notebooks keep both.
_HIDDEN_TAGS = {"parameters", "injected-parameters"}

_TEXT = {
    "title": ("{body}, {earlier} and {later}: summary", "{body}, {earlier} và {later}: tóm tắt"),
    "question": ("Question", "Câu hỏi"),
    "question_text": ("How do news articles present the Party committee's leadership, targets and results in the {earlier} "
                      "and in the {later}, the first after the 2025 merger of provinces?",
                      "Báo chí trình bày sự lãnh đạo, mục tiêu và kết quả của cấp ủy trong {earlier} và "
                      "{later}, nhiệm kỳ đầu tiên sau hợp nhất tỉnh năm 2025, như thế nào?"),
    "terms": ("Terms", "Nhiệm kỳ"),
    "corpus": ("Corpus", "Dữ liệu"),
    "method": ("Method", "Phương pháp"),
    "method_text": ("Each article is normalised and split into sentences; rule-based extractors read officials, figures, "
                    "plans, documents and congresses, each row keeping its sentence. Every figure is attributed a territory "
                    "and level (whose figure), a term, a plan and a kind (achieved, estimated, target) by documented rules "
                    "(docs/term_rules.md). The scorecard, the tenures and the findings below are computed from those "
                    "tables; each finding gives its number of statements (n) and articles.",
                    "Mỗi bài được chuẩn hóa và tách câu; các bộ trích xuất theo quy tắc đọc cán bộ, số liệu, kế hoạch, văn "
                    "bản và đại hội, mỗi dòng giữ câu gốc. Mỗi số liệu được gán địa phương và cấp, nhiệm kỳ, kế hoạch và "
                    "loại (đạt, ước đạt, mục tiêu) theo quy tắc đã công bố (docs/term_rules.md). Bảng theo dõi chỉ tiêu, "
                    "nhiệm kỳ công tác và các kết quả dưới đây được tính từ các bảng đó, kèm số phát biểu (n) và số bài."),
    "findings": ("Key findings", "Kết quả chính"),
    "scorecard": ("What each term set out to do, and what the earlier term achieved",
                  "Mỗi nhiệm kỳ đặt mục tiêu gì, nhiệm kỳ trước đạt được gì"),
    "scorecard_text": ("One row per territory and indicator (province-level figures): the congress-term target of each term, "
                       "the earlier term's latest result, the latest yearly result (baseline) and the yearly growth the new "
                       "target needs from it. A predecessor province has rows of its own; annual targets never fill a term "
                       "cell. Each cell's sentence is given as doc_id#sentence. The whole table: data/scorecard.csv.",
                       "Mỗi dòng là một địa phương và một chỉ số (số liệu cấp tỉnh): mục tiêu nhiệm kỳ của từng nhiệm kỳ, kết "
                       "quả mới nhất của nhiệm kỳ trước, kết quả năm gần nhất (mốc) và tốc độ tăng hằng năm cần để đạt mục "
                       "tiêu mới. Tỉnh cũ có dòng riêng; mục tiêu năm không điền vào ô nhiệm kỳ. Câu gốc của mỗi ô ghi dạng "
                       "doc_id#câu. Toàn bộ bảng: data/scorecard.csv."),
    "tenures": ("Who held the key posts", "Ai giữ các chức vụ chủ chốt"),
    "tenures_text": ("Secretaries, standing deputy secretaries and the chairs of the People's Committee and Council, by "
                     "territory: the first and last dated article that names each person in the post. Dates are those of "
                     "the articles, not of appointments. The whole table: data/tenures.csv.",
                     "Bí thư, Phó Bí thư Thường trực, Chủ tịch UBND và HĐND theo địa phương: bài có ngày đầu tiên và cuối cùng "
                     "nêu người đó ở chức vụ. Ngày là ngày đăng bài, không phải ngày bổ nhiệm. Toàn bộ bảng: data/tenures.csv."),
    "merger": ("What changed with the merger", "Những gì thay đổi khi hợp nhất"),
    "merger_text": ("Before (the old units, each in a column of its own) and after (the merged unit, by term): committee sizes "
                    "and how they were chosen, Party organisations and members, administrative units, and bodies. Each cell "
                    "gives its sources as doc_id#sentence; a cell where articles disagree keeps the value most of them state "
                    "(the others: data/merger_changes.csv). Under Directive 45-CT/TW the merged units' first committees were "
                    "appointed, not elected; the table says so only where an article does.",
                    "Trước (các đơn vị cũ, mỗi đơn vị một cột) và sau (đơn vị hợp nhất, theo nhiệm kỳ): số ủy viên và cách "
                    "chọn, tổ chức đảng và đảng viên, đơn vị hành chính, cơ quan. Mỗi ô ghi nguồn dạng doc_id#câu; khi các bài "
                    "khác nhau, ô giữ giá trị được nhiều bài nêu nhất (các giá trị khác: data/merger_changes.csv). Theo Chỉ "
                    "thị 45-CT/TW, cấp ủy đầu tiên của đơn vị hợp nhất được chỉ định, không bầu; bảng chỉ ghi điều đó khi bài "
                    "báo nêu."),
    "focus": ("Focus: {focus}; beside it, never mixed in: {predecessors}.", "Trọng tâm: {focus}; bên cạnh, không gộp: {predecessors}."),
    "limits": ("What this corpus cannot answer", "Những điều dữ liệu này không trả lời được"),
    "quality": ("Extraction quality", "Chất lượng trích xuất"),
    "quality_text": ("The honest estimate is the real-article one (docs/quality.md §4-5): on real articles annotated blind by "
                     "someone who never saw the extractor, micro F1 is about 0.90-0.95 and the attribution of figures "
                     "(territory, level, term, plan) 0.95; on its development articles (the seeds, real-dev) it is higher, "
                     "so optimistic.",
                     "Ước lượng trung thực là trên bài thật (docs/quality.md §4-5): trên các bài thật do người chưa từng xem "
                     "bộ trích xuất chú giải, F1 vi mô khoảng 0,90-0,95 và việc gán số liệu (địa phương, cấp, nhiệm kỳ, kế "
                     "hoạch) 0,95; trên các bài dùng để phát triển (seeds, real-dev) cao hơn, nên lạc quan."),
    "pages": ("Pages", "Các trang"),
    "data": ("Tables: data/ (CSV, Parquet, datapackage.json with the codebook of every column); figures: figures/.",
             "Bảng: data/ (CSV, Parquet, datapackage.json với mô tả từng cột); hình: figures/."),
    "evidence": ("Evidence: the sentences the summary quotes", "Bằng chứng: các câu được trích"),
    "n": ("n = {n} {statements} in {d} {articles}", "n = {n} phát biểu trong {d} bài"),
    "articles": ("{n} articles from {o} outlets, published {first} to {last}; {pre} before the merger, {post} after, "
                 "{unknown} undated.",
                 "{n} bài của {o} cơ quan báo chí, đăng từ {first} đến {last}; {pre} bài trước hợp nhất, {post} bài sau, "
                 "{unknown} bài không rõ ngày."),
    "source": ("article", "bài gốc"),
    "none": ("No finding: the tables hold no statement of this kind.", "Không có kết quả: các bảng không có phát biểu loại này."),
}


def _t(key: str, lang: str) -> str:
    return _TEXT[key][lang == "vi"]


def render_report(notebooks: list[Path], report_dir: Path, tables: dict | None = None, lang: str = "en",
                  territory: str = "", merger_date: str = config.DEFAULT_MERGER_DATE) -> Path:
    """Write one page per notebook, ``evidence.html`` and the summary ``index.html``; return the
    index.

    Corpus text reaches the pages only escaped: notebook outputs through nbconvert (plain text)
    or pandas (tables); the summary and evidence pages escape every string themselves.
    """
    report_dir.mkdir(parents=True, exist_ok=True)
    pages = [(_render_page(path, report_dir), _page_title(path)) for path in notebooks]
    if tables is None:
        from .tables import read_tables

        tables = read_tables(report_dir.parent / "data")
    found = findings.key_findings(tables)
    _write(report_dir / "evidence.html", _t("evidence", lang), _evidence_body(found, tables, lang), lang)
    index = report_dir / "index.html"
    earlier, later = _term_names_in_sentence(tables, lang)
    title = _t("title", lang).format(body=findings.subject_name(tables) or ("The Party committee" if lang == "en" else "Cấp ủy"),
                                     earlier=earlier, later=later)
    focus = analysis.focus_territory(tables, territory)
    body = _summary_body(title, found, findings.limits(tables, found), tables, pages, lang, focus, int(merger_date[:4]))
    _write(index, title, body, lang)
    return index


def _render_page(path: Path, report_dir: Path) -> str:
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name="lab", template_file=str(config.PACKAGE_DIR / "templates" / "report.html.j2"))
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=_HIDDEN_TAGS, enabled=True), enabled=True)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    page = report_dir / f"{path.stem}.html"
    page.write_text(body, encoding="utf-8")
    return page.name


def _page_title(path: Path) -> str:
    import nbformat

    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def _term_names_in_sentence(tables: dict, lang: str) -> list[str]:
    """The two terms' names as they read mid-sentence ("nhiệm kỳ XIV (2020-2025)" in Vietnamese)."""
    return [name[0].lower() + name[1:] if lang == "vi" else name for name in analysis.term_names(tables, lang).values()]


def _question(tables: dict, lang: str) -> str:
    earlier, later = _term_names_in_sentence(tables, lang)
    return _t("question_text", lang).format(earlier=earlier, later=later)


def _anchor(doc_id: str, sent_id: int) -> str:
    return f"s-{doc_id}-{sent_id}"


def _article_link(tables: dict, doc_id: str, lang: str) -> str:
    """A link to the article's web address when the corpus's manifest gave one (http/https only:
    a manifest is data, so a ``javascript:`` address is never made a link)."""
    docs = tables["documents"]
    if "url" not in docs.columns:
        return ""
    urls = docs.loc[docs["doc_id"] == doc_id, "url"]
    url = str(urls.iloc[0]) if len(urls) else ""  # a missing value reads "<NA>": no link
    if not url.lower().startswith(("http://", "https://")):
        return ""
    return (f"<a class=\"article\" href=\"{html.escape(url)}\" rel=\"noopener noreferrer\">"
            f"{html.escape(_t('source', lang))}</a>")


def _corpus_line(tables: dict, lang: str) -> str:
    docs = tables["documents"]
    periods = tables["sentences"].drop_duplicates("doc_id").set_index("doc_id")["period"]
    dated = docs[docs["published"] != ""]["published"]
    by = periods.reindex(docs["doc_id"]).fillna("")
    return _t("articles", lang).format(
        n=len(docs), o=docs.loc[docs["outlet"] != "", "outlet"].nunique(),
        first=dated.min() if len(dated) else "?", last=dated.max() if len(dated) else "?",
        pre=int((by == "pre_merger").sum()), post=int((by == "post_merger").sum()), unknown=int((by == "").sum()))


def _summary_body(title: str, found, limits, tables, pages, lang: str, focus: tuple[str, list[str]], merger_year: int) -> str:
    esc = html.escape
    parts = [f"<h1>{esc(title)}</h1>",
             f"<h2>{esc(_t('question', lang))}</h2><p>{esc(_question(tables, lang))}</p>",
             f"<h2>{esc(_t('corpus', lang))}</h2><p>{esc(_corpus_line(tables, lang))}</p>",
             f"<h2>{esc(_t('terms', lang))}</h2><p>{esc(analysis.term_basis(tables, lang))}</p>",
             f"<h2>{esc(_t('method', lang))}</h2><p>{esc(_t('method_text', lang))}</p>",
             _focus_line(focus, lang), _scorecard_section(tables, lang, focus), _tenures_section(tables, lang, focus),
             _merger_section(tables, lang, focus, merger_year),
             f"<h2>{esc(_t('findings', lang))}</h2>"]
    items = []
    sentences = tables["sentences"].set_index(["doc_id", "sent_id"])["text"]
    for finding in found:
        doc_id, sent_id, quote = finding.evidence[0]
        n = _t("n", lang).format(n=finding.n_statements, d=finding.n_articles,
                                 statements="statement" if finding.n_statements == 1 else "statements",
                                 articles="article" if finding.n_articles == 1 else "articles")
        sentence = sentences.get((doc_id, sent_id), quote)  # the whole sentence, not just the figure
        items.append(f"<li class=\"finding\">{esc(finding.text(lang))} <span class=\"n\">({esc(n)})</span><br>"
                     f"<q lang=\"vi\">{esc(str(sentence))}</q> — <a href=\"evidence.html#{esc(_anchor(doc_id, sent_id))}\">"
                     f"{esc(doc_id)}#{sent_id}</a>{_with_sep(_article_link(tables, doc_id, lang))}</li>")
    parts.append(f"<ol>{''.join(items)}</ol>" if items else f"<p>{esc(_t('none', lang))}</p>")
    parts.append(f"<aside class=\"limits\"><h2>{esc(_t('limits', lang))}</h2><ul>"
                 + "".join(f"<li>{esc(en if lang == 'en' else vi)}</li>" for en, vi in limits) + "</ul></aside>")
    parts.append(f"<h2>{esc(_t('quality', lang))}</h2><p>{esc(_quality_line(tables, lang))} "
                 f"{esc(_t('quality_text', lang))}</p>")
    links = "".join(f"<li><a href=\"{esc(name)}\">{esc(title)}</a></li>" for name, title in pages)
    parts.append(f"<h2>{esc(_t('pages', lang))}</h2><ol>{links}</ol>"
                 f"<p><a href=\"../data/\">data/</a> · <a href=\"../figures/\">figures/</a> · "
                 f"<a href=\"evidence.html\">evidence</a></p><p>{esc(_t('data', lang))}</p>")
    return "\n".join(parts)


_SUMMARY_ROWS = 12  # per territory; the CSV holds all


def _table(header: list[str], rows: list[list[str]], css: str) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table class=\"{css}\"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _num(value, lang: str) -> str:
    return "" if pd.isna(value) else findings.number(float(value), lang)


def _bounded(value, top, qualifier: str, lang: str) -> str:
    if pd.isna(value):
        return ""
    text = _num(value, lang) + (f"-{_num(top, lang)}" if pd.notna(top) else "")
    signs = {"at_least": "≥ ", "more_than": "> ", "approx": "≈ ", "less_than": "< "}
    return signs.get(qualifier, "") + text


def _focus_line(focus: tuple[str, list[str]], lang: str) -> str:
    territory, predecessors = focus
    if not territory:
        return ""
    names = ", ".join(analysis.territory_label(p, lang=lang) for p in predecessors) or "—"
    return f"<p class=\"focus\">{html.escape(_t('focus', lang).format(focus=analysis.territory_label(territory, lang=lang), predecessors=names))}</p>"


def _shown(territories, focus: tuple[str, list[str]]) -> list[str]:
    """The focus territory, then its predecessors, those of *territories* only."""
    present = set(territories)
    return [t for t in [focus[0], *focus[1]] if t in present]


def _scorecard_section(tables: dict, lang: str, focus: tuple[str, list[str]]) -> str:
    """The scorecard of the focus territory and its predecessors (data/scorecard.csv has all)."""
    esc = html.escape
    card = tables.get("scorecard")
    parts = [f"<h2>{esc(_t('scorecard', lang))}</h2><p>{esc(_t('scorecard_text', lang))}</p>"]
    if card is None or card.empty:
        return parts[0] + f"<p>{esc(_t('none', lang))}</p>"
    spans = analysis.term_spans(tables)
    earlier, later = (list(spans.values()) + ["", ""])[:2]
    territories = _shown(card["territory"], focus)
    if not territories:
        return parts[0] + f"<p>{esc(_t('none', lang))}</p>"
    header = (["indicator", "unit", f"target {earlier}", f"result {earlier}", "baseline", f"target {later}",
               "growth needed / year", "targets met", "sources"] if lang == "en" else
              ["chỉ số", "đơn vị", f"mục tiêu {earlier}", f"kết quả {earlier}", "mốc", f"mục tiêu {later}",
               "tăng cần thiết / năm", "chỉ tiêu đạt", "nguồn"])
    for territory in territories:
        rows = card[card["territory"] == territory]
        ranked = rows.assign(_filled=rows[["previous_term_target", "current_term_target"]].notna().sum(axis=1)
                             + (rows["targets_met"] != ""))
        ranked = ranked.sort_values(["_filled", "metric"], ascending=[False, True], kind="mergesort").head(_SUMMARY_ROWS)
        lines = [[analysis.label(r.metric, lang), r.unit.replace("_", " "),
                  _bounded(r.previous_term_target, r.previous_term_target_max, r.previous_term_target_qualifier, lang),
                  _num(r.previous_term_result, lang) + (f" ({r.previous_term_result_year})" if r.previous_term_result_year else ""),
                  _num(r.baseline, lang) + (f" ({r.baseline_year})" if pd.notna(r.baseline_year) else ""),
                  _bounded(r.current_term_target, r.current_term_target_max, r.current_term_target_qualifier, lang),
                  (_num(r.implied_annual_growth, lang) + "%") if pd.notna(r.implied_annual_growth) else "",
                  r.targets_met, r.provenance] for r in ranked.itertuples()]
        more = len(rows) - len(ranked)
        note = (f" ({more} more rows in data/scorecard.csv)" if lang == "en" else f" (thêm {more} dòng trong data/scorecard.csv)") if more else ""
        parts.append(f"<h3>{esc(analysis.territory_label(territory, lang=lang))}{esc(note)}</h3>" + _table(header, lines, "scorecard"))
    return "\n".join(parts)


def _tenures_section(tables: dict, lang: str, focus: tuple[str, list[str]]) -> str:
    """The key posts' tenures in the focus territory and its predecessors, by post (data/tenures.csv has every post)."""
    esc = html.escape
    tenures = tables.get("tenures")
    head = f"<h2>{esc(_t('tenures', lang))}</h2><p>{esc(_t('tenures_text', lang))}</p>"
    if tenures is None:
        return head + f"<p>{esc(_t('none', lang))}</p>"
    key = analysis.key_tenures(tables, _shown(tenures["territory"], focus)).head(30)
    if key.empty:
        return head + f"<p>{esc(_t('none', lang))}</p>"
    header = (["territory", "post", "name", "first seen", "last seen", "articles", "sources"] if lang == "en" else
              ["địa phương", "chức vụ", "họ tên", "lần đầu", "lần cuối", "số bài", "nguồn"])
    rows = [[analysis.territory_label(r.territory, lang=lang), analysis.label(r.position_code, lang), r.name,
             r.first_seen, r.last_seen, r.n_articles, r.provenance] for r in key.itertuples()]
    return head + _table(header, rows, "tenures")


def _merger_section(tables: dict, lang: str, focus: tuple[str, list[str]], merger_year: int) -> str:
    """The merger table of the focus territory: its predecessors before, the merged unit after."""
    from ..analyse.merger import merger_view

    esc = html.escape
    head = f"<h2>{esc(_t('merger', lang))}</h2><p>{esc(_t('merger_text', lang))}</p>"
    changes = tables.get("merger_changes")
    view = merger_view(changes, *focus, lang=lang, merger_year=merger_year) if changes is not None and focus[0] else None
    if view is None or view.empty:
        return head + f"<p>{esc(_t('none', lang))}</p>"
    header = [("aspect" if lang == "en" else "nội dung"), *view.columns[1:]]
    return head + _table(header, view.values.tolist(), "merger")


def _quality_line(tables: dict, lang: str) -> str:
    """Micro precision and recall on the articles of this corpus that the package's hand
    annotations cover (none for another corpus: then it says so)."""
    from ..analyse import quality

    scores, _ = quality.evaluate(tables, config.GOLD_DIR)
    if scores.empty:
        return ("No article of this corpus has hand annotations in the package, so quality was not measured on it."
                if lang == "en" else "Không bài nào trong dữ liệu này có chú giải thủ công nên chưa đo chất lượng.")
    hit, found, gold = scores["n_correct"].sum(), scores["n_extracted"].sum(), scores["n_gold"].sum()
    docs = len(set(quality.read_gold(config.GOLD_DIR)["documents"]["doc_id"]) & set(tables["documents"]["doc_id"]))
    if lang == "vi":
        precision, recall = (f"{x:.2f}".replace(".", ",") for x in (hit / found, hit / gold))
        return (f"Trên {docs} bài có chú giải thủ công: độ chính xác {precision}, độ phủ {recall} "
                f"(n = {gold} dòng chú giải; đây là dữ liệu phát triển).")
    return (f"On the {docs} articles with hand annotations: micro precision {hit / found:.2f}, recall {hit / gold:.2f} "
            f"(n = {gold} annotated rows; these were the development set, so the numbers are optimistic).")


def _evidence_body(found, tables: dict, lang: str) -> str:
    esc = html.escape
    cited = sorted({(d, s) for finding in found for d, s, _ in finding.evidence})
    sentences = tables["sentences"].set_index(["doc_id", "sent_id"])
    docs = tables["documents"].set_index("doc_id")
    rows = []
    for doc_id, sent_id in cited:
        text = sentences.loc[(doc_id, sent_id), "text"] if (doc_id, sent_id) in sentences.index else ""
        outlet = docs.loc[doc_id, "outlet"] if doc_id in docs.index else ""
        published = docs.loc[doc_id, "published"] if doc_id in docs.index else ""
        rows.append(f"<tr id=\"{esc(_anchor(doc_id, sent_id))}\"><td>{esc(doc_id)}#{sent_id}</td>"
                    f"<td>{esc(str(outlet) or '?')}</td><td>{esc(str(published) or '?')}</td>"
                    f"<td lang=\"vi\">{esc(str(text))}</td><td>{_article_link(tables, doc_id, lang)}</td></tr>")
    head = ("<tr><th>sentence</th><th>outlet</th><th>published</th><th>text</th><th>source</th></tr>" if lang == "en"
            else "<tr><th>câu</th><th>báo</th><th>ngày đăng</th><th>nội dung</th><th>nguồn</th></tr>")
    return (f"<h1>{esc(_t('evidence', lang))}</h1><p><a href=\"index.html\">←</a></p>"
            f"<table>{head}{''.join(rows)}</table>")


def _with_sep(link: str) -> str:
    return f" · {link}" if link else ""


def _write(path: Path, title: str, body: str, lang: str) -> None:
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
             "table.scorecard,table.tenures{font-size:.85em}"
             ".n{color:#555}.limits{border:1px solid #c90;padding:0 1em;background:#fff8e6}"
             "q{font-style:italic}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em;vertical-align:top}")
    path.write_text(f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
                    f"</title><style>{style}</style></head><body>\n{body}\n</body></html>\n", encoding="utf-8")

