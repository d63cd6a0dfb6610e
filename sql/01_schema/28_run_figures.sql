-- The run's staged figures (see run_articles).
create temp table if not exists run_figures as from figures limit 0;
