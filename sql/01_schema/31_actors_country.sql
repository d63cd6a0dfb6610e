-- The country an actor belongs to where it is evident (a demonym, a national body, a place's
-- own country); warehouses made before actors had it get the column.
alter table actors add column if not exists actor_country varchar;
