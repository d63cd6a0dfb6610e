-- One row per resolved place with a point: the place as `places` gives it and that point as a
-- geometry, x the longitude, y the latitude.
create or replace temp view v_place_points as
select
    places.*,
    ST_Point(places.longitude, places.latitude) as geom,
from places
where places.latitude is not null and places.longitude is not null;
