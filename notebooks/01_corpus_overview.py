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
import pandas as pd

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
image = figures.timeline(documents, analysis.by_month(documents), params.terms, term_names, params.merger_date, lang,
                         "01_timeline", output_dir)
if image is None:
    print("No document has a known date: the timeline is empty.")
else:
    display(image)

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
