# %% [markdown]
# # 4. Policy priorities
#
# **Question.** Which policy domains do the articles mention, and how do their shares differ by
# term and by merger period?
#
# **Method.** Sentences are coded with the versioned keyword dictionary
# `cantho_analysis/data/policy_domains.yaml` (in the manner of a quanteda dictionary). A sentence
# may belong to several domains. The share is the fraction of a group's sentences that mention
# the domain. Every coded sentence, with the keyword that matched, is in `sentence_domains`.

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
from cantho_analysis.extract import domains
from cantho_analysis.output import figures

tables, params = notebook.setup(globals())
term_names = analysis.term_names(tables, lang)
dictionary = domains.dictionary()
print(f"Dictionary version {dictionary['version']}: {len(dictionary['domains'])} domains, "
      f"{sum(len(d['keywords']) for d in dictionary['domains'])} keywords.")

# %% [markdown]
# ## Shares by term

# %%
by_term = analysis.domain_shares(tables, "term")
notebook.show(by_term.assign(domain_label=by_term["domain"].map(lambda c: analysis.label(c, lang))) if not by_term.empty else by_term, "domain shares by term")

# %%
if by_term.empty:
    print("No coded sentences: no figure.")
else:
    display(figures.share_barplot(by_term, "term", lang, "04_domains_by_term", output_dir, term_names))

# %% [markdown]
# ## Shares by merger period

# %%
by_period = analysis.domain_shares(tables, "period")
notebook.show(by_period, "domain shares by period")

# %%
if by_period.empty:
    print("No coded sentences: no figure.")
else:
    display(figures.share_barplot(by_period, "period", lang, "04_domains_by_period", output_dir))

# %% [markdown]
# ## The sentences behind the shares
# The first coded sentence per domain and term; the full list is the `sentence_domains` table
# (`OUT/data/sentence_domains.csv`), joined to `sentences` on `doc_id, sent_id`.

# %%
coded = analysis.with_sentence(tables["sentence_domains"], tables)
notebook.show(coded.drop_duplicates(["domain", "term"])[["domain", "term", "keyword", "doc_id", "sent_id", "sentence"]] if not coded.empty else coded, "coded sentences")

# %% [markdown]
# ## Limitations of the dictionary (from the dictionary file)

# %%
for item in dictionary["limitations"]:
    print("-", item)

# %% [markdown]
# ## Findings (generated from the tables)

# %%
most = "most mentioned" if lang == "en" else "được nhắc nhiều nhất"
for term in term_names:
    print(f"{term_names[term]}: {most}: {analysis.top_domains(by_term, 'term', term, lang)}.")
for period in ("pre_merger", "post_merger"):
    print(f"{analysis.label(period, lang)}: {most}: {analysis.top_domains(by_period, 'period', period, lang)}.")
