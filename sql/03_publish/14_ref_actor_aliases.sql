insert or replace into ref_actor_aliases
select
    alias,
    name,
    actor_type,
from read_csv($actor_aliases_csv, header = true, all_varchar = true, buffer_size = 262144);
