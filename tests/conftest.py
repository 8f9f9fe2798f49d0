import pytest

from cantho_analysis import config
from cantho_analysis.tables import build_tables


@pytest.fixture(scope="session")
def seed_tables():
    return build_tables(config.SEEDS_DIR)
