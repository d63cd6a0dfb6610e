insert into article_places
from run_article_places;
