create table if not exists dates (
    date date primary key,
    year integer not null,
    quarter integer not null,
    month integer not null,
    day integer not null,
    weekday varchar not null,
);
