"""Demo content for every room: the content itself as data (`content/<room>.toml`, French
and English side by side) and a small idempotent loader per room (`loaders/<room>.py`),
run by `manage.py seed_demo`. No runtime room imports this app."""
