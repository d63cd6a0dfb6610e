-- An actor whose every mention was replaced away is no longer in the warehouse.
delete from actors
where
    actor_id in (select run.actor_id from run_actors as run)
    and actor_id not in (select mentions.actor_id from actor_mentions as mentions);
