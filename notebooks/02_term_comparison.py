# %% [markdown]
# # 2. The earlier term versus the later term
#
# **Question.** How do the targets, outcomes, plan structures, themes, office-holders and cited
# documents of the earlier term (2020-2025; XIV for Cần Thơ) compare with those of the later term
# (2025-2030; I for Cần Thơ, the first after the merger)?
#
# **Method.** Each figure carries whose it is (`territory`, `level`), the term it belongs to
# (`term_span`) and the plan that sets it (`plan_level`), decided by the attribution stage
# (`docs/term_rules.md`): a 2026 article that reviews "nhiệm kỳ 2020 - 2025" contributes facts to
# the earlier term, and a predecessor province, a commune or an annual resolution is never mixed
# into a province's term plan. The comparison table puts the terms side by side, one row per
# territory, level and plan, with a provenance column (`doc_id#sent_id: “quote”`).

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
from cantho_analysis.analyse import analysis, findings
from cantho_analysis.output import figures

tables, params = notebook.setup(globals())
term_names = analysis.term_names(tables, lang)
focus, predecessors = analysis.focus_territory(tables, territory)
print(f"Focus: {focus or '(none)'}; beside it: {', '.join(predecessors) or '(none)'}.")

# %% [markdown]
# ## The two terms and their labels
# A province's 2020-2025 congress can be its XIV, XV or XVI. Each term's label comes from the
# `*_term_label` parameter, else from the congress ordinal that most of the corpus's mentions of a
# provincial congress with those term years give, else from Cần Thơ's numbering (XIV, I). The
# `terms` table keeps the label, its basis and one mention behind it.

# %%
print(analysis.term_basis(tables, lang))

# %% [markdown]
# ## The scorecard: what each term set out to do, and what the earlier term achieved
# One row per territory and indicator (province-level figures), the focus first, then its
# predecessors: each term's congress target, the earlier term's result, the latest yearly result
# (baseline), the yearly growth the new target needs from it, and "x/y chỉ tiêu" tallies. Annual
# targets never fill a term cell. `provenance` gives each cell's `doc_id#sentence`;
# `data/scorecard.csv` has every territory.

# %%
card = tables["scorecard"]
shown = [t for t in [focus, *predecessors] if t in set(card["territory"])]
notebook.show(card[card["territory"].isin(shown)].assign(_t=lambda f: f["territory"].map(shown.index))
              .sort_values(["_t", "metric"], kind="mergesort").drop(columns="_t"), "the scorecard")

# %% [markdown]
# ## Annual targets, year by year
# What the annual resolutions set for the focus territory and its predecessors, beside the result
# stated for the same year. They never fill a term cell above.

# %%
annual = tables["annual_targets"]
notebook.show(annual[annual["territory"].isin([focus, *predecessors])], "annual targets", "No annual target for these territories.")

# %% [markdown]
# ## Side-by-side comparison
# Indicators (quantities with a term), plan structures and themes of the year. An empty cell
# means the corpus states nothing for that term.

# %%
comparison = analysis.term_comparison(tables)
notebook.show(comparison, "the term comparison", "No statement in the corpus could be attributed to a term.")

# %% [markdown]
# ## Growth: achieved, estimated and targeted
# Every growth-rate statement, by territory and the year or span it refers to. The figure shows
# the figures of provinces as a whole that state their year or period, one panel per territory
# (the focus, then its predecessors).

# %%
growth = analysis.growth_series(tables)
notebook.show(growth, "growth statements")

# %%
# Only a stated year or period has a place on the time axis; a figure placed by its term alone is
# in the table above, not drawn as a five-year bar.
provincial = growth[(growth["level"] == "province") & (growth["ref_period"] != "")]
territories = [t for t in [focus, *predecessors] if t in set(provincial["territory"])]
if not territories:
    print("No dated growth-rate statement of the focus territory or its predecessors: no figure.")
else:
    display(figures.growth_panels(provincial[provincial["territory"].isin(territories)], territories, lang, "02_growth", output_dir))

# %% [markdown]
# ## Plan structures by term
# Number of targets (chỉ tiêu), key tasks, breakthroughs and solution groups that the resolutions
# and congresses set.

# %%
plans = analysis.plan_structures(tables)
notebook.show(plans, "plan elements")

# %%
if plans.empty:
    print("No plan elements: no figure.")
else:
    plot = plans.assign(plan=[f"{analysis.territory_label(t, lv, lang)} · {pl or '?'} {sc}".strip()
                              for t, lv, pl, sc in zip(plans["territory"], plans["level"], plans["plan_level"], plans["scope"])])
    # The eight plans stated in most articles; the table above and data/plan_elements.csv hold all.
    plot, n_plans = analysis.top(plot, "plan", 8)
    display(figures.plan_structures(plot, n_plans, lang, "02_plan_structure", output_dir))

# %% [markdown]
# ## Themes of the year

# %%
notebook.show(tables["themes"][["year", "term", "text", "doc_id", "sent_id"]], "themes")

# %% [markdown]
# ## Office-holders by position
# `first_seen`/`last_seen` are the publication dates of the articles that name them.

# %%
notebook.show(analysis.officeholders(tables), "office-holders")

# %% [markdown]
# ## Legal documents cited
# One row per document identity (`ref_key` = type|number|code|year); documents that share a
# number but differ in year or code stay separate.

# %%
notebook.show(analysis.legal_documents(tables), "legal references")

# %% [markdown]
# ## Findings and limitations (generated from the tables)

# %%
for finding in findings.growth_findings(tables) + findings.plan_findings(tables):
    print(f"{finding.en if lang == 'en' else finding.vi} (n = {finding.n_statements}, {finding.n_articles} article(s))")
for en, vi in findings.limits(tables):
    if not en.startswith("Rests on one article"):
        print(en if lang == "en" else vi)
