-- The run's staged facts are published together, in the transaction that deleted what they replace.
insert into articles
from run_articles;
