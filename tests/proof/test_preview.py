"""``main.py preview FILE``: every patient screen and the sheet of one file, per combination of its factors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
from PySide6.QtGui import QImage

from kiosk import paths
from kiosk.content.loader import load_procedure
from kiosk.content.model import Factor
from kiosk.proof.plan import combinations

ROOT = paths.PROJECT_ROOT
BLOCK = ROOT / "procedures" / "nerve-root-block.yaml"
INJECTION = ROOT / "procedures" / "nerve-root-injection.yaml"


def preview(source: Path, out: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path / "ward-data"))
    return subprocess.run(
        [sys.executable, "main.py", "preview", str(source), "--out", str(out), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def sheet_text(pdf: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(pdf).pages)


def test_combinations_are_every_subset_of_the_factors_the_file_uses_fewest_first() -> None:
    block = load_procedure(BLOCK)
    found = combinations(block)
    assert [c.slug for c in found] == ["no-factors", "diabetic", "blood-thinners", "diabetic+blood-thinners"]
    assert found[1].ticked == frozenset({Factor.DIABETIC})
    assert found[0].title == "Diabetic: no · Takes blood thinners: no"
    single = combinations(load_procedure(INJECTION))
    assert [c.slug for c in single] == ["no-factors"] and single[0].title.startswith("Every patient")


def test_a_draft_outside_the_live_folder_gets_every_screen_and_a_sheet_per_combination(tmp_path: Path) -> None:
    """The author's copy of the block, in a folder of its own: four patients, each with screens and a sheet;
    only the diabetic ones are told to check their blood sugar, on screen and on paper."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    source = drafts / "nerve-root-block.yaml"
    shutil.copy(BLOCK, source)
    out = tmp_path / "out"
    done = preview(source, out, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "4 patient(s)" in done.stdout
    index = (out / "index.html").read_text(encoding="utf-8")
    listing = (out / "README.txt").read_text(encoding="utf-8")
    for slug in ("no-factors", "diabetic", "blood-thinners", "diabetic+blood-thinners"):
        folder = out / slug
        screens = sorted(folder.glob("[0-9][0-9]-*.png"))
        names = [p.stem for p in screens]
        assert names[0] == "01-welcome" and names[-1].endswith("thank-you"), names
        assert any("warning-signs" in n for n in names) and any("escort" in n for n in names)
        assert any("question" in n for n in names) and any("step-1" in n for n in names)
        image = QImage(str(screens[0]))
        assert (image.width(), image.height()) == (1280, 800)
        pages = sorted(folder.glob("sheet-page-*.png"))
        assert len(pages) == len(pypdf.PdfReader(folder / "sheet.pdf").pages) >= 1
        assert QImage(str(pages[0])).height() > 1000, "a readable A4 page"
        for path in (*screens, *pages, folder / "sheet.pdf"):
            assert f'"{path.relative_to(out).as_posix()}"' in index, path
            assert path.relative_to(out).as_posix() in listing
        text = sheet_text(folder / "sheet.pdf")
        assert "Margaret Oyelaran-Smith" in text
        assert ("Check your blood sugar often until" in text) == ("diabetic" in slug), slug
        blood_sugar_step = any("blood-sugar" in n for n in names)
        assert blood_sugar_step == ("diabetic" in slug), (slug, names)
    assert not list((tmp_path / "ward-data").glob("**/*.sqlite3")), "nothing written to the ward's data folder"


def test_a_file_with_errors_is_refused_with_its_problems_and_no_pictures(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BLOCK.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    out = tmp_path / "out"
    done = preview(broken, out, tmp_path)
    assert done.returncode == 1
    assert "has errors" in done.stderr and "main.py check" in done.stderr
    assert not out.exists()
    missing = preview(tmp_path / "nothing.yaml", out, tmp_path)
    assert missing.returncode == 2 and "there is no file" in missing.stderr


EXAMPLE = ROOT / "tests" / "content" / "examples" / "caudal-epidural.yaml"


def test_the_worked_example_gives_a_sedated_and_a_non_sedated_patient_different_signs_escort_advice_and_times(
    tmp_path: Path,
) -> None:
    """Issue 15's "Done when": the README's worked example, previewed for a patient without and with sedation."""
    out = tmp_path / "out"
    done = preview(EXAMPLE, out, tmp_path, "--only", "none", "--only", "sedation")
    assert done.returncode == 0, done.stderr[-3000:]
    plain, sedated = sheet_text(out / "no-factors" / "sheet.pdf"), sheet_text(out / "sedation" / "sheet.pdf")
    # Warning signs, by urgency, most urgent first on both.
    for text in (plain, sedated):
        first, second, third = (text.index(t) for t in ("EMERGENCY: Call 999", "URGENT: Get urgent", "NOT URGENT"))
        assert first < second < third
        assert "New weakness or numbness in both legs" in text
        assert "01234 567890 ext 4321" in text and "at other times: NHS 111" in text
        assert "less than 1 in 1,000" in text and "between 1 in 200 and 1 in 100" in text
        assert "(5% to 10%)" in text
        assert "Cut or tear here" in text and "For Ade Oyelaran, who is looking after Margaret" in text
    assert "Slow or shallow breathing" in sedated and "Slow or shallow breathing" not in plain
    # The escort's slip: what to watch for tonight, and the hours they stay.
    assert "They are very sleepy and hard to wake" in sedated
    assert "They are very sleepy" not in plain and "Their legs give way, or they cannot stand" in plain
    assert "Please stay with Margaret until 13:50 Tue 24 Nov" in sedated  # 24 hours after 13:50
    assert "Please stay with Margaret until 01:50 Tue 24 Nov" in plain  # 12 hours
    # Timings: the next-morning rule without sedation, 24 hours with it, each "and until" the numbness has gone.
    assert "Do not drive until 08:00 Tue 24 Nov and until the numbness in your legs has gone" in plain
    assert "Do not drive until 13:50 Tue 24 Nov and until the numbness in your legs has gone" in sedated
    assert "No alcohol until" in sedated and "No alcohol until" not in plain
    assert "Do not have a bath or swim until 13:50 Wed 25 Nov" in plain and "Midazolam" not in plain
    assert "Midazolam (a sedative)" in sedated
    # On the screens: the sedation step and question only for the sedated patient.
    plain_screens = [p.name for p in sorted((out / "no-factors").glob("[0-9][0-9]-*.png"))]
    sedated_screens = [p.name for p in sorted((out / "sedation").glob("[0-9][0-9]-*.png"))]
    assert any("after-sedation" in n for n in sedated_screens)
    assert not any("after-sedation" in n for n in plain_screens)
    assert any("alcohol" in n for n in sedated_screens) and not any("alcohol" in n for n in plain_screens)
    assert any("going-home" in n for n in plain_screens) and not any("going-home" in n for n in sedated_screens)
    assert "sedation/" in (out / "README.txt").read_text(encoding="utf-8")


def test_only_names_a_factor_the_file_does_not_use_is_refused(tmp_path: Path) -> None:
    done = preview(BLOCK, tmp_path / "out", tmp_path, "--only", "sedation")
    assert done.returncode == 2
    assert "'sedation' is not a factor this file uses (it uses: diabetic, blood-thinners)" in done.stderr
