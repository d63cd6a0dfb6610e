insert into run_articles
select
    article_id,
    external_id,
    title,
    source_name,
    url,
    cast(published_at as date) as published_at,
    body,
    input_path,
    cast($loaded_at as timestamp) as loaded_at,
    $run_id as run_id,
    author,
    language,
    published_at_source,
from stg_articles;
