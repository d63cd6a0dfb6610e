"""The warehouse's SQL, one statement a file, numbered by layer; shipped as newswire.sql."""
