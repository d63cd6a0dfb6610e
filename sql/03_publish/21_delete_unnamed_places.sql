-- A place no published article names any longer is no longer in the warehouse.
delete from places
where actor_id not in (select named.actor_id from article_places as named);
