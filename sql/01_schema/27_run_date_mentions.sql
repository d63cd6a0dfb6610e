-- The run's staged date mentions (see run_articles).
create temp table if not exists run_date_mentions as from date_mentions limit 0;
