"""The shared scorer over the annotated dev articles (skipped where they are absent)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claims.extraction import extract_claims

EVAL = Path("/work/shared/eval")
DEV = EVAL / "dev"
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists() or not DEV.is_dir(), reason="no dev set here"
)


def _scorer():
    spec = importlib.util.spec_from_file_location("claims_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["ar", "en"])
def test_attributed_f1_per_language(language):
    score = _scorer()
    tot = dict(gold=0, pred=0, attributed=0, bad_offsets=0)
    for path in sorted(DEV.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("language") != language:
            continue
        preds = [c.to_dict() for c in extract_claims(gold["text"])]
        r = score.score_article(gold, preds)
        for k in tot:
            tot[k] += r[k]
    assert tot["gold"] > 0
    _, _, f1 = score.f1(tot["attributed"], tot["pred"], tot["gold"])
    assert tot["bad_offsets"] == 0
    assert f1 >= 0.85


def test_the_scorer_accepts_the_command_line_output():
    """score.py runs `python -m claims.extraction {file} --format json` end to end."""
    out = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(DEV),
            "--json",
            "--predict",
            f"{sys.executable} -m claims.extraction {{file}} --format json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["bad_offsets"] == 0
    assert result["attributed_f1"] >= 0.85
