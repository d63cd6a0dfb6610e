"""The Great Expectations suites, one per table; shipped as newswire.expectations."""
