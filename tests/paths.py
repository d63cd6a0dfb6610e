"""Where the tests find the sample articles, their gold annotations and the development corpora."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLES = REPO / "seeds" / "articles"
FIXTURES = REPO / "tests" / "fixtures"
GOLD = FIXTURES / "seeds_gold.json"
# The development corpora live beside the clone, in ../shared/data; CI has them.
DEV_DATA = REPO.parent / "shared" / "data"

