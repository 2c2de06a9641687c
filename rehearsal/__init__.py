"""`make rehearsal`: the production stack of docker/compose.yaml run on one machine without
Docker, checked end to end through Caddy, then broken on purpose (see run.sh)."""
