-- Facts are replaced per article: drop what an earlier load of these articles wrote.
delete from actor_mentions
where article_id in (select run.article_id from run_articles as run);
