insert into date_mentions
from run_date_mentions;
