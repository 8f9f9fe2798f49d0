# The .py files here are notebook sources (jupytext), not test modules or doctest modules.
collect_ignore_glob = ["*.py"]
