"""Reference data and the sample articles; shipped as newswire.seeds."""
