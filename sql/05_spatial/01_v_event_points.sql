-- One row per real-world event with a point: the event as `canonical_events` gives it, with
-- its place as a geometry, x the longitude, y the latitude.
create or replace temp view v_event_points as
select
    canonical_events.*,
    ST_Point(canonical_events.longitude, canonical_events.latitude) as geom,
from canonical_events
where canonical_events.latitude is not null and canonical_events.longitude is not null;
