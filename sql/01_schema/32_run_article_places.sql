-- The run's staged article places (see run_articles).
create temp table if not exists run_article_places as from article_places limit 0;
