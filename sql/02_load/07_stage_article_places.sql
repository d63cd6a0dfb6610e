insert into run_article_places
select
    article_id,
    actor_id,
    name,
    country_code,
    admin1,
    feature,
    cast(latitude as double) as latitude,
    cast(longitude as double) as longitude,
    cast(geonames_id as bigint) as geonames_id,
    geo_precision,
    geo_evidence,
    cast(dateline as boolean) as dateline,
from stg_article_places;
