-- What a feed's server said of the copy a run read, for the next run's conditional GET (its ETag
-- and Last-Modified, NULL when it gave none or when an item of it could not be fetched), and when
-- the feed was last asked for (NULL for every input that is not a feed). A page is an input too,
-- named by its URL.
alter table inputs add column if not exists etag varchar;
alter table inputs add column if not exists last_modified varchar;
alter table inputs add column if not exists polled_at timestamp with time zone;
