import atexit
import os
import shutil
import tempfile

import pytest

from cantho_analysis import config
from cantho_analysis.tables import build_tables

# The notebooks nbval executes cache their tables; keep that cache out of the user's ~/.cache.
if "CANTHO_ANALYSIS_CACHE" not in os.environ:
    os.environ["CANTHO_ANALYSIS_CACHE"] = tempfile.mkdtemp(prefix="cantho-analysis-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CANTHO_ANALYSIS_CACHE"], True)


@pytest.fixture(scope="session")
def seed_tables():
    return build_tables(config.SEEDS_DIR)
