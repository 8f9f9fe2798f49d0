# %% [markdown]
# # 3. The merger era
#
# **Question.** What changed around the merger date (by default 1 July 2025, when the merged city
# and two-level local government began to operate): who held which office, which administrative
# vocabulary the articles use, which new bodies appear, and how congresses are numbered?
#
# **Method.** `period` is when a statement was made (its article's date) relative to
# `merger_date`. Vocabulary is counted per 100 sentences so that longer periods do not dominate.

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

# %% [markdown]
# ## Assumption
# The merger date and its legal basis, from the cited context table.

# %%
context = analysis.context_table()
context[context["key"].str.startswith("merger")][["key", "value", "source"]]

# %% [markdown]
# ## Leadership timeline
# Who is named in which office, by the date of the article.

# %%
timeline = analysis.leadership_timeline(tables)
notebook.show(timeline[["published", "name", "position_code", "organization", "doc_id", "sent_id"]] if not timeline.empty else timeline, "the leadership timeline")

# %%
if timeline.empty:
    print("No dated office-holders: no figure.")
else:
    # The 25 people named in most articles; the table above and data/officials.csv hold everyone.
    drawn, n_people = analysis.top(timeline, "name", 25)
    fig, ax = plt.subplots(figsize=(9, 0.45 * drawn["name"].nunique() + 1.8))
    office = drawn["position_code"].map(lambda code: analysis.label(code, lang))
    sns.scatterplot(data=drawn.assign(office=office), x="date", y="name", hue="office", style="office", s=90, ax=ax)
    ax.axvline(pd.Timestamp(params.merger_date), color="black", linestyle="--")
    ax.set_xlabel("article date" if lang == "en" else "ngày đăng")
    ax.set_ylabel("")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1, 0.5))
    most = drawn["name"].nunique() < n_people
    ax.set_title((f"Office-holders named, by article date (n = {len(drawn)} mentions, {drawn['doc_id'].nunique()} articles"
                  + (f"; the {drawn['name'].nunique()} named most of {n_people} people" if most else "") + "; dashed: merger date)")
                 if lang == "en" else
                 (f"Cán bộ được nêu tên theo ngày đăng (n = {len(drawn)}, {drawn['doc_id'].nunique()} bài"
                  + (f"; {drawn['name'].nunique()} người được nêu nhiều nhất trong {n_people}" if most else "") + "; nét đứt: ngày hợp nhất)"))
    figures.caption(fig, "Data: officials joined to documents (analysis.leadership_timeline)." if lang == "en"
                    else "Dữ liệu: officials nối với documents (analysis.leadership_timeline).")
    display(figures.save(fig, "03_leadership_timeline", output_dir))

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
    fig, ax = plt.subplots(figsize=(8, 4))
    sizes = plot.drop_duplicates("period").set_index("period")["n_sentences"]
    named = {p: f"{analysis.label(p, lang)} (n = {sizes[p]})" for p in sizes.index}
    sns.barplot(data=plot.assign(period=plot["period"].map(named)), y="term", x="per_100_sentences", hue="period",
                hue_order=[named[p] for p in ("pre_merger", "post_merger") if p in named], ax=ax, errorbar=None)
    ax.set_xlabel("sentences mentioning the term, per 100 sentences" if lang == "en" else "số câu nhắc đến, trên 100 câu")
    ax.set_ylabel("")
    ax.set_title(f"Administrative vocabulary before and after the merger (n = {int(sizes.sum())} sentences)" if lang == "en"
                 else f"Từ ngữ hành chính trước và sau hợp nhất (n = {int(sizes.sum())} câu)")
    figures.caption(fig, "Data: sentences by period; n = sentences per period (legend)." if lang == "en"
                    else "Dữ liệu: sentences theo giai đoạn; n = số câu mỗi giai đoạn (chú giải).")
    display(figures.save(fig, "03_vocabulary", output_dir))

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
print(f"Office-holders named: {timeline['name'].nunique() if not timeline.empty else 0}; offices: "
      f"{timeline['position_code'].nunique() if not timeline.empty else 0}.")
print(f"Provincial congress ordinals named after the merger that differ from the expected numbering: {len(flags)}"
      + (" (" + analysis.listed(flags["provenance"], 3) + ")" if len(flags) else "") + ".")
print("Limitation: an article's date is when something was said, not when it happened; the shares show that the"
      " texts before and after the merger differ, not when a vocabulary changed.")
