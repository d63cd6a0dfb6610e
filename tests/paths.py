"""Where the tests find the sample articles and the shared gold annotations."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLES = REPO / "seeds" / "articles"
GOLD = REPO.parent / "shared" / "gold" / "seeds_gold.json"
