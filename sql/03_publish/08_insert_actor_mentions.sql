insert into actor_mentions
from run_actor_mentions;
