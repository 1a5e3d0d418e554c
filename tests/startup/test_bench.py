"""`pyrite startup bench` runs both sides and prints the comparison table (smoke test, two runs)."""
import os
import subprocess

from conftest import PY, REPO


def test_bench_prints_table(tmp_path):
    script = tmp_path / "tiny.py"
    script.write_text("import json\nprint(json.dumps([1]))\n")
    env = dict(os.environ, PYTHONPATH=REPO)
    out = subprocess.run([PY, "-m", "pyrite.cli", "startup", "bench", "--runs", "2", "--", PY, str(script)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any(line.startswith("case") and "stock wall ms" in line for line in lines)
    row = lines[-1]
    assert "%" in row and "/" in row.split()[-1], out.stdout
