"""The case-file parser rejects what it would otherwise silently ignore."""
import pytest

from casefile import CaseFileError, parse_file


def write(tmp_path, text):
    p = tmp_path / "x.test"
    p.write_text(text)
    return str(p)


def test_unknown_section_is_an_error(tmp_path):
    with pytest.raises(CaseFileError, match="unknown section \\[stdn\\]"):
        parse_file(write(tmp_path, "[case a]\nprint(1)\n[stdn]\nhello\n"))


def test_out_section_rejected_in_run_cases(tmp_path):
    with pytest.raises(CaseFileError, match="section \\[out\\] is not used"):
        parse_file(write(tmp_path, "[case a]\nprint(1)\n[out]\n1\n"), allowed=("case", "file", "stdin"))


def test_sections_parsed(tmp_path):
    (c,) = parse_file(write(tmp_path, "[case a]\nimport m\n[file m.py]\nX = 1\n[stdin]\nhi\n[out]\nok\n"))
    assert (c.name, c.source, c.files, c.stdin, c.out) == ("a", "import m\n", {"m.py": "X = 1\n"}, "hi\n", "ok\n")
