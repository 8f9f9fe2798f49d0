"""Statistics and findings computed from the tables (:mod:`.analysis`, :mod:`.findings`), and the
extraction's quality against hand annotations (:mod:`.quality`).
"""
