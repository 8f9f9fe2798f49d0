# %% [markdown]
# # 3. The merger era
#
# **Question.** What changed with the merger (by default 1 July 2025, when the merged city and
# two-level local government began to operate): committees and how they were chosen, Party
# organisations and members, administrative units and bodies; who held the key posts before and
# after; which administrative vocabulary the articles use; how congresses are numbered?
#
# **Method.** The package computes, this notebook displays. The `territory` parameter names the
# focus (by default the corpus's main merged unit); its predecessors are shown beside it, never
# mixed in. The merger table and the tenures are corpus-level tables (`merger_changes`,
# `tenures`), each cell with its sources. `period` is when a statement was made (its article's
# date) relative to `merger_date`. Vocabulary is counted per 100 sentences so that longer
# periods do not dominate.

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
territory = ""

# %%

from cantho_analysis import notebook
from cantho_analysis.analyse import analysis, merger
from cantho_analysis.output import figures

tables, params = notebook.setup(globals())
focus, predecessors = analysis.focus_territory(tables, territory)
print(f"Focus: {focus or '(none)'}; beside it: {', '.join(predecessors) or '(none)'}.")

# %% [markdown]
# ## Assumption
# The merger date and its legal basis, from the cited context table.

# %%
context = analysis.context_table()
context[context["key"].str.startswith("merger")][["key", "value", "source"]]

# %% [markdown]
# ## What changed with the merger
# One row per aspect; a column per predecessor (before) and per term of the merged unit (after).
# Each cell gives its value, how a committee was chosen when the article says so (Directive
# 45-CT/TW had the merged units' first committees appointed), and its sources as
# `doc_id#sentence`. `data/merger_changes.csv` has every territory, the values the articles
# disagree on, and each cell's first sentence.

# %%
changes = merger.merger_view(tables["merger_changes"], focus, predecessors, lang, int(merger_date[:4]))
notebook.show(changes, "the merger table", "The corpus states none of these aspects for this territory.")

# %% [markdown]
# ## Who held the key posts, before and after
# Secretaries, standing deputy secretaries and the chairs of the People's Committee and Council:
# the first and last dated article that names each holder. A person who moved from a predecessor
# to the merged unit has a row in each. Dates are the articles', not the appointments'.

# %%
key = analysis.key_tenures(tables, [focus, *predecessors])
notebook.show(key, "the key posts' tenures")

# %%
dated = key[key["first_seen"] != ""]
if dated.empty:
    print("No dated tenure: no figure.")
else:
    display(figures.tenure_lanes(dated, [focus, *predecessors], merger_date, lang, "03_tenures", output_dir))

# %% [markdown]
# ## Administrative vocabulary before and after the merger

# %%
vocabulary = analysis.vocabulary_by_period(tables)
notebook.show(vocabulary, "vocabulary")

# %%
plot = vocabulary[vocabulary["period"] != ""] if not vocabulary.empty else vocabulary
if plot.empty:
    print("No dated sentences: no figure.")
else:
    display(figures.vocabulary(plot, lang, "03_vocabulary", output_dir))

# %% [markdown]
# ## Leadership by body and post
# Who held which post, with the first and last article that says so and the terms and merger
# periods of those statements; `conflict` flags two holders of one body's post named on the same
# date (to check by hand). Former posts are left out.

# %%
notebook.show(analysis.leadership_by_term(tables), "leadership by body and post")

# %% [markdown]
# ## New bodies
# Organisations named in office titles, by period, counted by `organization_key` (one key per
# body whatever its spelling: "Thành ủy X", "Thành ủy TP X", "Thành ủy TP. X" are one body). A body
# that appears only after the merger is new in the corpus (not necessarily new in reality);
# `names` shows how the articles wrote it.

# %%
bodies = analysis.bodies_by_period(tables)
notebook.show(bodies, "organisations")

# %% [markdown]
# ## Congress numbering
# Provincial/city and Party-agencies congresses, by article date. After the merger the city
# congress numbering restarts at I.

# %%
numbering = analysis.congress_numbering(tables)
notebook.show(numbering, "congress references")

# %%
flags = analysis.numbering_inconsistencies(numbering, params) if not numbering.empty else numbering
notebook.show(flags, "numbering inconsistencies", "Every post-merger provincial congress ordinal fits the expected numbering.")

# %% [markdown]
# ## Findings and limitations (generated from the tables)

# %%
if not vocabulary.empty:
    pivot = vocabulary.pivot_table(index="term", columns="period", values="per_100_sentences", aggfunc="sum")
    for term, row in pivot.iterrows():
        print(f"{term}: " + ", ".join(f"{analysis.label(p, lang)} {row[p]:g}" for p in pivot.columns) + " per 100 sentences.")
print(f"Key-post tenures of {focus or 'no territory'} and its predecessors: {len(key)} rows, {key['name'].nunique()} people.")
print(f"Merger aspects stated for them: {len(changes)}.")
print(f"Provincial congress ordinals named after the merger that differ from the expected numbering: {len(flags)}"
      + (" (" + analysis.listed(flags["provenance"], 3) + ")" if len(flags) else "") + ".")
print("Limitation: an article's date is when something was said, not when it happened; the shares show that the"
      " texts before and after the merger differ, not when a vocabulary changed.")
