"""What the rehearsal starts, named once, so that it cannot drift from docker/compose.yaml:
the same Caddyfile, the same entrypoint, the same commands and the same environment
variable names. hub/tests/test_rehearsal_topology.py parses the compose file and checks
it against this module; run.sh reads its commands from here (`python -m rehearsal.topology`).

Imports nothing of Django: the check runs before anything is installed."""

import shlex
import sys

CADDYFILE = "docker/Caddyfile"
ENTRYPOINT = "docker/entrypoint.sh"
DOCKERFILE = "docker/Dockerfile"
COMPOSE = "docker/compose.yaml"

# The image's CMD: one Daphne web process (the rehearsal changes only -b and -p).
WEB_COMMAND = [
    "daphne",
    "-b",
    "0.0.0.0",
    "-p",
    "8000",
    "--proxy-headers",
    "--access-log",
    "/dev/null",
    "hub.asgi:application",
]
WORKER_COMMAND = ["python", "manage.py", "hub_worker"]
SCHEDULER_COMMAND = ["sh", "-c", "while :; do python manage.py periodic_jobs; sleep 300; done"]

# Environment the compose services set themselves (beside ../.env, i.e. .env.example's names).
SERVICE_ENV = {
    "web": {"DATABASE_URL", "REDIS_URL"},
    "worker": {"DATABASE_URL", "REDIS_URL", "HUB_MIGRATE"},
    "scheduler": {"DATABASE_URL", "REDIS_URL", "HUB_MIGRATE"},
}
# The .env names the rehearsal sets for every hub process (the rest keep their defaults).
HUB_ENV = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "DJANGO_SECURE_SSL_REDIRECT",
    "HUB_BASE_URL",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "HUB_PRIVATE_FILES_ACCEL_PREFIX",
    "DATABASE_POOL",
    "DATABASE_POOL_MAX",
    "FORUM_RATE_LIMIT_POSTS",
}
# Caddy's own variables (read by the Caddyfile, `{$NAME:default}`; compose uses the defaults).
CADDY_ENV = {
    "HUB_HTTP_ADDRESS",
    "HUB_UPSTREAMS",
    "HUB_WEB_UPSTREAMS",
    "HUB_MEDIA_ROOT",
    "HUB_PRIVATE_ROOT",
}
# The paths the image mounts, which the Caddyfile's defaults name.
CADDY_DEFAULT_ROOTS = {"HUB_MEDIA_ROOT": "/data/media", "HUB_PRIVATE_ROOT": "/data/private"}


def _env_names(service: dict) -> set[str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        return {item.split("=", 1)[0] for item in environment}
    return set(environment)


def compose_drift(compose: dict, *, dockerfile: str, env_example: str, caddyfile: str) -> list[str]:
    """Every way docker/compose.yaml (parsed) differs from what the rehearsal runs."""
    problems = []
    services = compose.get("services", {})
    for name in ("postgres", "redis", "web", "worker", "scheduler", "proxy"):
        if name not in services:
            problems.append(f"compose has no {name} service")
    if problems:
        return problems
    example_names = {
        line.split("=", 1)[0].strip()
        for line in env_example.splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }
    for name, expected in SERVICE_ENV.items():
        names = _env_names(services[name])
        if names != expected:
            problems.append(f"{name} sets {sorted(names)}, the rehearsal {sorted(expected)}")
        if services[name].get("env_file") != "../.env":
            problems.append(f"{name} does not read ../.env")
    missing = HUB_ENV - example_names - {"DJANGO_SETTINGS_MODULE"}
    if missing:
        problems.append(f".env.example lacks what the rehearsal sets: {sorted(missing)}")
    if services["worker"].get("command") != WORKER_COMMAND:
        problems.append(f"worker runs {services['worker'].get('command')}, not {WORKER_COMMAND}")
    if services["scheduler"].get("command") != SCHEDULER_COMMAND:
        problems.append(f"scheduler runs {services['scheduler'].get('command')}")
    if services["web"].get("command") not in (None, WEB_COMMAND):
        problems.append("web overrides the image's command")
    if f'ENTRYPOINT ["/app/{ENTRYPOINT}"]' not in dockerfile:
        problems.append(f"the image's entrypoint is not {ENTRYPOINT}")
    if f"CMD {str(WEB_COMMAND).replace(chr(39), chr(34))}" not in dockerfile:
        problems.append(f"the image's CMD is not {WEB_COMMAND}")
    volumes = services["proxy"].get("volumes") or []
    if "./Caddyfile:/etc/caddy/Caddyfile:ro" not in volumes:
        problems.append("the proxy does not mount docker/Caddyfile")
    for variable, root in CADDY_DEFAULT_ROOTS.items():
        if f"{{${variable}:{root}}}" not in caddyfile:
            problems.append(f"the Caddyfile's {variable} does not default to {root}")
        if not any(str(volume).endswith(f":{root}:ro") for volume in volumes):
            problems.append(f"the proxy does not mount {root}")
    for variable in CADDY_ENV:
        if f"{{${variable}" not in caddyfile:
            problems.append(f"the Caddyfile does not read {variable}")
    if set(_env_names(services["proxy"])) & CADDY_ENV:
        problems.append("compose's proxy must use the Caddyfile's defaults")
    return problems


def main(argument: str) -> int:
    """run.sh: `python -m rehearsal.topology worker` prints the command, quoted for the
    shell; `… drift` checks compose.yaml (needs PyYAML: the rehearsal's tools venv has it)."""
    commands = {"web": WEB_COMMAND, "worker": WORKER_COMMAND, "scheduler": SCHEDULER_COMMAND}
    if argument in commands:
        print(shlex.join(commands[argument]))
        return 0
    import yaml

    def read(name: str) -> str:
        with open(name, encoding="utf-8") as file:
            return file.read()

    problems = compose_drift(
        yaml.safe_load(read(COMPOSE)),
        dockerfile=read(DOCKERFILE),
        env_example=read(".env.example"),
        caddyfile=read(CADDYFILE),
    )
    for problem in problems:
        print(f"  FAIL  compose drift: {problem}")
    if not problems:
        print(
            "  ok    docker/compose.yaml runs the same Caddyfile, entrypoint, commands, variables"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
