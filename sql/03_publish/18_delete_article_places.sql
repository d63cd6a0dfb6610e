-- Facts are replaced per article: drop the places an earlier load of these articles resolved.
delete from article_places
where article_id in (select run.article_id from run_articles as run);
