-- One row per sentence of an article, with its offsets into `articles.body` (end exclusive):
-- the sentence a fact comes from is the one whose span holds the fact's `start_char`.
-- A sentence ends at `.`, `!` or `?` (and any closing quote), or at a line break; initials
-- (U.S.), common abbreviations (Mr., Gen., Oct.) and decimals do not end one.
create or replace view v_sentences as
with source as (
    select
        article_id,
        regexp_extract_all(
            body,
            '(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|St|Rep|Sen|Gov|Jan|Feb|Aug|Sep|Sept|Oct|Nov|Dec|No|vs)\.'
            || '|[0-9]\.[0-9]|[^.!?\n])*(?:[.!?]+["''”’)]*|\n|$)\s*'
        ) as pieces,
    from articles
),

pieces as (
    select
        article_id,
        unnest(pieces) as piece,
        generate_subscripts(pieces, 1) as piece_no,
    from source
),

offsets as (
    -- the pieces tile the body, so each starts where the ones before it end
    select
        article_id,
        piece_no,
        piece,
        coalesce(
            sum(length(piece)) over (
                partition by article_id order by piece_no rows between unbounded preceding and 1 preceding
            ),
            0
        ) as start_char,
    from pieces
),

final as (
    select
        article_id,
        row_number() over (partition by article_id order by piece_no) as sentence_no,
        start_char,
        start_char + length(piece) as end_char,
        regexp_replace(piece, '^[\s\pZ]+|[\s\pZ]+$', '', 'g') as sentence,
    from offsets
    where regexp_matches(piece, '[^\s\pZ]')
)

select * from final;
