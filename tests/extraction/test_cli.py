"""The command line: python -m claims.extraction FILE [--language] [--format]."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from claims.extraction import extract_claims
from claims.extraction.cli import main, render

ROOT = Path(__file__).resolve().parents[2]
TEXT = "وقال الوزير إن الاتفاق نهائي.\n\nThe minister's aide declined to comment."


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_it_prints_a_json_list_of_claims(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, err = _run([str(path), "--format", "json"])
    assert code == 0 and not err
    data = json.loads(out)
    assert [d["speaker"] for d in data] == ["الوزير"]
    keys = {"speaker", "speaker_role", "cue", "content", "kind", "start", "end", "sentence", "confidence"}
    assert keys <= set(data[0])
    assert TEXT[data[0]["start"] : data[0]["end"]] == data[0]["content"]


def test_it_prints_a_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = _run([str(path), "--format", "table", "--language", "ar"])
    assert code == 0
    assert out.splitlines()[0].split()[:4] == ["#", "kind", "speaker", "cue"]
    assert "الاتفاق نهائي" in out


def test_a_missing_file_is_an_error():
    code, out, err = _run(["/no/such/file.txt"])
    assert code != 0 and not out and "no such file" in err


def test_a_file_that_is_not_utf8_is_an_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("déclaré".encode("latin-1"))
    code, out, err = _run([str(path)])
    assert code != 0 and not out and "UTF-8" in err


def test_an_unsupported_language_is_an_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text.", encoding="utf-8")
    code, out, err = _run([str(path), "--language", "fr"])
    assert code != 0 and not out and "ar, en" in err


def test_render_round_trips_to_dicts():
    claims = extract_claims("Police said the road would reopen.", "en")
    assert json.loads(render(claims, "json")) == [c.to_dict() for c in claims]


def test_module_entry_point(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Police said the road would reopen.", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0
    assert json.loads(out.stdout)[0]["content"] == "the road would reopen"
