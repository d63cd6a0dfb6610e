insert or replace into ref_countries
select
    iso2,
    iso3,
    name,
    nullif(official_name, '') as official_name,
    nullif(iso_name, '') as iso_name,
from read_csv($countries_csv, header = true, all_varchar = true, buffer_size = 262144);
