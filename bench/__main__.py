"""`python -m bench [name ...]`: runs every `bench/*_bench.py` (or the named ones) in its own
process, one after the other, and prints what each measured. Each module has a `main()` and
can also be run alone: `python -m bench.forum_bench`."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    modules = sorted(path.stem for path in HERE.glob("*_bench.py"))
    if wanted:
        modules = [
            name for name in modules if name in wanted or name.removesuffix("_bench") in wanted
        ]
    status = 0
    for name in modules:
        print(f"\n=== {name}", flush=True)
        result = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=HERE.parent)
        status = status or result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
