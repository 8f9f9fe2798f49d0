# %% [markdown]
# # 5. Extraction quality
#
# **Question.** How well does the extractor recover the facts a human annotator finds?
#
# **Method.** The gold tables in `gold_dir` were written by reading the articles
# (`docs/annotation_guide.md`), never from the extractor's output. Rows are compared as sets of
# key columns per document. Only documents that appear in both the corpus and the gold are
# scored. The seed corpus was also the development set, so its scores are optimistic; the
# hand-written test corpus in `tests/fixtures/other_corpus/` is the held-out check (its scores
# are in the README).

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
gold_dir = "../tests/fixtures/gold"

# %%
import pandas as pd

from cantho_analysis import notebook
from cantho_analysis.analyse import analysis, quality

tables, params = notebook.setup(globals())
term_names = analysis.term_names(tables, lang)
scores, errors = quality.evaluate(tables, gold_dir)

# %% [markdown]
# ## Precision and recall per table

# %%
notebook.show(scores, "scores", "The gold annotations cover none of this corpus's documents.")

# %% [markdown]
# ## Misses and spurious rows
# `missed`: in the gold, not extracted. `spurious`: extracted, not in the gold.

# %%
notebook.show(errors, "errors", "No misses and no spurious rows.")

# %% [markdown]
# ## Policy-domain coding: precision on a hand-judged sample
# Every (sentence, domain) pair the dictionary coded in the annotated articles was judged by hand:
# is the sentence about that domain, or does the keyword only occur in passing ("doanh nghiệp"
# in a list of who supports the committee)? One coder (a developer), no second coder; recall is
# not measured. `n_judged` below `n_coded` means the coding changed since the judgements.

# %%
domain_quality = quality.domain_precision(tables, gold_dir)
notebook.show(domain_quality.assign(domain_label=domain_quality["domain"].map(lambda c: analysis.label(c, lang)))
              if not domain_quality.empty else domain_quality, "domain precision", "No judgement file in gold_dir.")

# %% [markdown]
# ## Findings (generated from the scores)

# %%
if scores.empty:
    print("No annotated documents in this corpus: nothing was scored.")
else:
    total_gold, total_found, total_hit = scores["n_gold"].sum(), scores["n_extracted"].sum(), scores["n_correct"].sum()
    print(f"Over {len(scores)} tables: micro precision {total_hit / total_found:.3f}, micro recall {total_hit / total_gold:.3f}.")
    worst = scores.sort_values(["recall", "table"]).iloc[0]
    print(f"Lowest recall: {worst['table']} ({worst['recall']:.3f}).")
    print(f"{(errors['error'] == 'missed').sum()} gold rows missed, {(errors['error'] == 'spurious').sum()} spurious rows.")
if not domain_quality.empty:
    judged, correct = domain_quality["n_judged"].sum(), domain_quality["n_correct"].sum()
    print(f"Policy domains: precision {correct / judged:.2f} over {judged} judged sentence-domain pairs "
          f"(lowest: {domain_quality.sort_values(['precision', 'domain']).iloc[0]['domain']}).")
