# %% [markdown]
# # 1. Corpus overview
#
# **Question.** What does the corpus hold, when were its articles published, and which events do
# they report, relative to the two congress terms and the merger date?
#
# **Method.** `cantho_analysis` loads every `.txt` article in `corpus_dir`, normalises it (NFC,
# tone placement, `Đ`), and extracts the tables described in `docs/codebook.md`. This notebook
# only displays them. Every fact row carries `doc_id`, `sent_id`, `start`, `end` and `quote`.

# %% tags=["parameters"]
corpus_dir = "../seeds"
data_dir = ""
output_dir = ""
merger_date = "2025-07-01"
previous_term_start = 2020
previous_term_end = 2025
previous_term_label = ""
current_term_start = 2025
current_term_end = 2030
current_term_label = ""
lang = "en"

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from cantho_analysis import notebook
from cantho_analysis.analyse import analysis
from cantho_analysis.output import figures

tables, params = notebook.setup(globals())
term_names = analysis.term_names(tables, lang)
documents = tables["documents"]

# %% [markdown]
# ## The two terms and their labels
# A province's 2020-2025 congress can be its XIV, XV or XVI. Each term's label comes from the
# `*_term_label` parameter, else from the congress ordinal that most of the corpus's mentions of a
# provincial congress with those term years give, else from Cần Thơ's numbering (XIV, I). The
# `terms` table keeps the label, its basis and one mention behind it.

# %%
print(analysis.term_basis(tables, lang))

# %% [markdown]
# ## Assumptions from outside the corpus
# These values come from the cited context table (`cantho_analysis/data/context.csv`), not from the
# articles. The merger date and the term years are also parameters of this notebook.

# %%
analysis.context_table()[["key", "value", "label_en", "source"]]

# %% [markdown]
# ## Glossary (Vietnamese → English)
# The offices, bodies and terms that the tables and figures use. Quotes stay in Vietnamese; every
# code in the tables has an English label (`position_en`, `metric_en`, domain labels).

# %%
analysis.glossary()[["category", "term_vi", "term_en"]]

# %% [markdown]
# ## The documents table
# `published_basis` says whether the date was stated (`header`) or reconstructed from the body
# (`inferred`).

# %%
notebook.show(documents[["doc_id", "published", "published_precision", "published_basis", "outlet", "event_type", "event_date", "n_chars", "n_sentences"]], "documents")

# %% [markdown]
# ## Problems met while loading
# Files that could not be read, or were read with a caveat.

# %%
notebook.show(tables["problems"], "problems", "Every file in the corpus folder was read.")

# %% [markdown]
# ## Timeline of publications and events
# Up to 40 dated articles, each is a row: a dot for its publication date and a cross for the event
# it reports. A larger corpus is counted by month instead. The shaded spans are the congress
# terms and the dashed line the merger date.

# %%
timeline = documents.assign(
    published_date=pd.to_datetime(documents["published"].where(documents["published"].str.len() == 10,
                                                                 documents["published"] + "-15"), errors="coerce"),
    event=pd.to_datetime(documents["event_date"], errors="coerce"))
dated = timeline.dropna(subset=["published_date"])
per_article = len(dated) <= 40
if dated.empty:
    print("No document has a known date: the timeline is empty.")
else:
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(dated) + 1.5) if per_article else (9, 4))
    for index, (name, (start, end)) in enumerate(params.terms.items()):
        ax.axvspan(pd.Timestamp(f"{start}-01-01"), pd.Timestamp(f"{end}-12-31"), alpha=(0.08, 0.16)[index],
                   color=("tab:blue", "tab:orange")[index], label=term_names[name])
    ax.axvline(pd.Timestamp(params.merger_date), color="black", linestyle="--", label="merger date" if lang == "en" else "ngày hợp nhất")
    if per_article:
        # Each row is an article, named by its outlet and publication date (never its hash id).
        dated = dated.assign(article=dated["outlet"].replace("", "?") + " · " + dated["published"]
                             + dated.groupby(["outlet", "published"]).cumcount().map(lambda k: f" ({k + 1})" if k else ""))
        ax.scatter(dated["published_date"], dated["article"], marker="o", label="published" if lang == "en" else "ngày đăng")
        events = dated.dropna(subset=["event"])
        ax.scatter(events["event"], events["article"], marker="x", color="red", label="event" if lang == "en" else "sự kiện")
    else:
        months = analysis.by_month(documents).assign(date=lambda m: pd.to_datetime(m["month"] + "-15"))
        ax.bar(months["date"], months["n_published"], width=25, label="articles published" if lang == "en" else "số bài đăng")
        events = months[months["n_events"] > 0]  # dots, not a line: a line would bridge months without events
        ax.plot(events["date"], events["n_events"], "o", markersize=3, color="red", label="events reported" if lang == "en" else "sự kiện được đưa tin")
        ax.set_ylabel("per month" if lang == "en" else "mỗi tháng")
    ax.set_xlabel("date" if lang == "en" else "ngày")
    ax.set_title((f"Articles and the events they report (n = {len(dated)} dated articles)" if lang == "en"
                  else f"Các bài viết và sự kiện được đưa tin (n = {len(dated)} bài có ngày)"))
    ax.legend(loc="upper left", fontsize=8)
    figures.caption(fig, ("Data: documents (published, event_date, outlet)" + ("." if per_article else ", counted by month (analysis.by_month)."))
                    if lang == "en" else "Dữ liệu: documents (published, event_date, outlet)" + ("." if per_article else ", đếm theo tháng."))
    display(figures.save(fig, "01_timeline", output_dir))

# %% [markdown]
# ## What each table holds per document

# %%
notebook.show(analysis.per_document_counts(tables), "rows per document")

# %% [markdown]
# ## Findings and limitations (generated from the tables)

# %%
n_docs = len(documents)
span = documents.loc[documents["published"] != "", "published"]
by_period = tables["sentences"].drop_duplicates("doc_id")["period"].value_counts().to_dict()
print(f"The corpus holds {n_docs} articles from {documents['outlet'].replace('', pd.NA).nunique()} named outlets, "
      f"published between {span.min() if len(span) else 'unknown'} and {span.max() if len(span) else 'unknown'}.")
print(f"{(documents['published_basis'] == 'inferred').sum()} publication dates were inferred from the text; "
      f"{(documents['published'] == '').sum()} are unknown.")
print(f"Articles by merger period: {by_period}.")
print(f"Event types: {documents['event_type'].value_counts().sort_index().to_dict()}.")
print("Limitation: with this few articles, counts describe these texts, not the Party committee's activity;"
      " differences between terms are illustrations to be checked on a larger corpus, not estimates.")
