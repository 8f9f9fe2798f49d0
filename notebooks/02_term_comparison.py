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

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from cantho_analysis import notebook
from cantho_analysis.analyse import analysis, findings
from cantho_analysis.output import figures

tables, params = notebook.setup(globals())
term_names = analysis.term_names(tables, lang)

# %% [markdown]
# ## The two terms and their labels
# A province's 2020-2025 congress can be its XIV, XV or XVI. Each term's label comes from the
# `*_term_label` parameter, else from the congress ordinal that most of the corpus's mentions of a
# provincial congress with those term years give, else from Cần Thơ's numbering (XIV, I). The
# `terms` table keeps the label, its basis and one mention behind it.

# %%
print(analysis.term_basis(tables, lang))

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
# the figures of provinces as a whole, one panel per territory.

# %%
growth = analysis.growth_series(tables)
notebook.show(growth, "growth statements")

# %%
if growth.empty:
    print("No growth-rate statement: no figure.")
else:
    fig, ax = plt.subplots(figsize=(8, 4))
    # "at least 10%" is a floor, not a point: floors are drawn as upward triangles.
    bound = growth["qualifier"].map({"at_least": "at least / more than", "more_than": "at least / more than"}).fillna("as stated")
    growth = growth.assign(bound=bound, where=[analysis.territory_label(t, lv, lang) for t, lv in zip(growth["territory"], growth["level"])])
    drawn, n_periods = (analysis.top(growth, "refers_to", 12) if growth["refers_to"].nunique() > 12
                        else (growth, growth["refers_to"].nunique()))  # the 12 periods stated most
    # One marker shape per territory, so no province's points read as another's.
    sns.scatterplot(data=drawn, x="refers_to", y="value", hue="kind",
                    hue_order=["achieved", "estimated", "target"], style="where", s=110, ax=ax)
    ax.legend(fontsize=7)
    ax.set_xlabel("year or period the figure refers to" if lang == "en" else "năm / giai đoạn")
    ax.set_ylabel("growth rate, %" if lang == "en" else "tốc độ tăng trưởng, %")
    more = "" if len(drawn) == len(growth) else (f"; the {drawn['refers_to'].nunique()} periods stated most of {n_periods}"
                                                 if lang == "en" else f"; {drawn['refers_to'].nunique()} giai đoạn được nêu nhiều nhất trong {n_periods}")
    ax.set_title((f"Growth targets and outcomes (n = {len(drawn)} statements, {drawn['doc_id'].nunique()} articles{more})"
                  if lang == "en" else f"Mục tiêu và kết quả tăng trưởng (n = {len(drawn)} phát biểu, "
                  f"{drawn['doc_id'].nunique()} bài{more})"))
    figures.caption(fig, "Data: quantities where metric = grdp_growth and unit = percent; marker = territory (and level)."
                    if lang == "en" else "Dữ liệu: quantities với metric = grdp_growth, unit = percent; ký hiệu = địa phương (và cấp).")
    display(figures.save(fig, "02_growth", output_dir))

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
    fig, ax = plt.subplots(figsize=(8, 4))
    sns.barplot(data=plot, x="element", y="count", hue="plan", ax=ax, errorbar=None)
    ax.set_xlabel("plan element" if lang == "en" else "yếu tố kế hoạch")
    ax.set_ylabel("count stated (mean over articles)" if lang == "en" else "số lượng (trung bình các bài)")
    shown = plot["plan"].nunique()
    ax.set_title((f"Plan structures by territory and plan (n = {len(plot)} elements, {plot['doc_id'].nunique()} articles"
                  + (f"; the {shown} plans stated most of {n_plans})" if shown < n_plans else ")"))
                 if lang == "en" else (f"Cấu trúc kế hoạch theo địa phương và kế hoạch (n = {len(plot)}, {plot['doc_id'].nunique()} bài"
                                       + (f"; {shown} kế hoạch được nêu nhiều nhất trong {n_plans})" if shown < n_plans else ")")))
    ax.tick_params(axis="x", rotation=20)
    ax.legend(fontsize=7)
    figures.caption(fig, "Data: plan_elements, once per article (analysis.plan_structures)." if lang == "en"
                    else "Dữ liệu: plan_elements, mỗi bài một lần (analysis.plan_structures).")
    display(figures.save(fig, "02_plan_structure", output_dir))

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
