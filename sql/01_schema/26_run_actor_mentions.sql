-- The run's staged actor mentions (see run_articles).
create temp table if not exists run_actor_mentions as from actor_mentions limit 0;
