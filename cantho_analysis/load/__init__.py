"""Stage 1, load: read a corpus folder into normalised documents (:mod:`.corpus`), or build one
from the web (:mod:`.fetch`, with its manifest in :mod:`.sources`).
"""
