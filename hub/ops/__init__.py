"""What operators of the production stack rely on: health endpoints (health.py), one JSON
line per request (logs.py), a cache that degrades when Redis is away (cache.py) and the
"try again" page when the database is (unavailable.py). Rehearsed by `make rehearsal`."""
