insert into figures
from run_figures;
