-- A staged article replaces the one loaded with the same id (content), with its facts above.
delete from articles
where article_id in (select run.article_id from run_articles as run);
