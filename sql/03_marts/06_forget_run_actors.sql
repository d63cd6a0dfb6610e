delete from run_actors;
