-- The pages of the run's staged articles, published with them when the run ends.
create temp table if not exists run_article_sources as from article_sources limit 0;
