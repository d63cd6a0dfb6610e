-- Each place the run touched (see run_actors), as most of the articles naming it resolve it; a
-- tie goes to the finer precision, then to the most recent article. `articles` counts the
-- articles naming it.
insert or replace into places
with touched as (
    select
        places.*,
        articles.published_at,
    from article_places as places
    inner join articles on places.article_id = articles.article_id
    where places.actor_id in (select run.actor_id from run_actors as run)
),

resolutions as (
    select
        actor_id,
        country_code,
        admin1,
        feature,
        latitude,
        longitude,
        geonames_id,
        geo_precision,
        count(*) as articles,
        max(published_at) as latest,
        first(geo_evidence order by published_at desc nulls last, article_id) as geo_evidence,
        first(name order by published_at desc nulls last, article_id) as name,
    from touched
    group by all
),

spread as (
    select
        actor_id,
        count(distinct article_id) as articles,
    from touched
    group by actor_id
),

final as (
    select
        resolutions.actor_id,
        coalesce(actors.name, resolutions.name) as name,
        resolutions.country_code,
        resolutions.admin1,
        resolutions.feature,
        resolutions.latitude,
        resolutions.longitude,
        resolutions.geonames_id,
        resolutions.geo_precision,
        resolutions.geo_evidence,
        cast(spread.articles as integer) as articles,
    from resolutions
    inner join spread on resolutions.actor_id = spread.actor_id
    left join actors on resolutions.actor_id = actors.actor_id
    qualify row_number() over (
        partition by resolutions.actor_id
        order by
            resolutions.articles desc,
            coalesce(list_position(['exact', 'city', 'admin1', 'country'], resolutions.geo_precision), 5),
            resolutions.latest desc nulls last,
            resolutions.country_code
    ) = 1
)

select * from final;
