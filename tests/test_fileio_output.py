"""The output rules of :func:`xlcapital.fileio.atomic_output`, which every writing command uses.

Each case says what the user sees: the path they gave (never a temporary name), one line, and a
folder left as it was (no temporary file, no clobbered file).
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, fifo_nobody_writes
from xlcapital import fileio
from xlcapital.errors import OutputError
from xlcapital.fileio import atomic_output, write_bytes


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(params=["unnamed", "named"])
def way(request, monkeypatch):
    """Both ways of writing: Linux's unnamed O_TMPFILE, and the hidden temporary name used elsewhere."""
    if request.param == "named":
        monkeypatch.setattr(fileio, "_new_unnamed", lambda target: (None, None))
    return request.param


def test_a_new_file_is_written_whole(tmp_path, way):
    with atomic_output(tmp_path / "out.csv") as tmp:
        assert tmp.parent != tmp_path or tmp.name.startswith(".")  # never the user's name while writing
        tmp.write_text("a;b\n")
    assert (tmp_path / "out.csv").read_text() == "a;b\n"
    assert names(tmp_path) == ["out.csv"]


def test_the_unnamed_way_is_used_on_linux(tmp_path):
    if not (hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir()):
        pytest.skip("no O_TMPFILE here")
    with atomic_output(tmp_path / "out.csv") as tmp:
        tmp.write_text("x")
        assert str(tmp).startswith("/proc/self/fd/")
        assert names(tmp_path) == []  # nothing with a name exists while writing


def test_an_existing_file_is_refused_before_any_work(tmp_path, way):
    out = tmp_path / "out.csv"
    out.write_text("mine")
    worked = []
    with pytest.raises(OutputError) as caught:
        with atomic_output(out):
            worked.append(1)
    assert str(caught.value) == f"{out}: the file exists already (use --force to replace it)"
    assert worked == [] and out.read_text() == "mine" and names(tmp_path) == ["out.csv"]


def test_force_replaces_a_regular_file(tmp_path, way):
    out = tmp_path / "out.csv"
    out.write_text("old")
    with atomic_output(out, force=True) as tmp:
        tmp.write_text("new")
    assert out.read_text() == "new" and names(tmp_path) == ["out.csv"]


def test_a_file_that_appears_meanwhile_is_never_replaced(tmp_path, way):
    out = tmp_path / "out.xlsm"
    with pytest.raises(OutputError) as caught:
        with atomic_output(out) as tmp:
            tmp.write_text("mine, late")
            out.write_text("someone else's")  # a second run, or the user, got there first
    assert "appeared at this path while xlcapital was writing" in str(caught.value)
    assert str(caught.value).startswith(f"{out}: ")
    assert out.read_text() == "someone else's" and names(tmp_path) == ["out.xlsm"]


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_as_output_is_refused_with_and_without_force(tmp_path, force, way):
    folder = tmp_path / "book.xlsm"
    folder.mkdir()
    with pytest.raises(OutputError) as caught:
        with atomic_output(folder, force=force):
            pass
    assert str(caught.value) == f"{folder}: is a folder (give a file name inside it)"
    assert names(tmp_path) == ["book.xlsm"] and names(folder) == []


def test_a_folder_that_appears_meanwhile_is_refused_with_force(tmp_path, way):
    out = tmp_path / "book.xlsm"
    with pytest.raises(OutputError) as caught:
        with atomic_output(out, force=True) as tmp:
            tmp.write_text("x")
            out.mkdir()
    assert str(caught.value).startswith(f"{out}: is a folder")
    assert names(tmp_path) == ["book.xlsm"] and out.is_dir()


@pytest.mark.parametrize("force", [False, True])
def test_dev_full_is_never_replaced(force):
    before = os.stat("/dev/full")
    with pytest.raises(OutputError) as caught:
        with atomic_output("/dev/full", force=force) as tmp:
            tmp.write_text("x")
    assert str(caught.value) == "/dev/full: is not a regular file (a device, FIFO or socket); it is never replaced (give another name)"
    after = os.stat("/dev/full")
    assert (after.st_ino, after.st_rdev, after.st_mode) == (before.st_ino, before.st_rdev, before.st_mode)


def test_a_symbolic_link_is_not_written_through(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("mine")
    (tmp_path / "link.csv").symlink_to(real)
    with pytest.raises(OutputError, match="is a symbolic link"):
        with atomic_output(tmp_path / "link.csv", force=True):
            pass
    assert real.read_text() == "mine"


def test_a_missing_folder(tmp_path):
    with pytest.raises(OutputError) as caught:
        with atomic_output(tmp_path / "nope" / "out.csv"):
            pass
    assert str(caught.value) == f"{tmp_path / 'nope' / 'out.csv'}: the folder {tmp_path / 'nope'} does not exist (create it first)"


def test_a_read_only_folder(tmp_path, way, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: make the system say what it says to a user
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))

        monkeypatch.setattr(fileio.os, "open", refuse)
        monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    else:  # pragma: no cover - as an ordinary user
        folder.chmod(0o555)
    with pytest.raises(OutputError) as caught:
        with atomic_output(folder / "out.csv") as tmp:
            tmp.write_text("x")
    assert str(caught.value) == (f"{folder / 'out.csv'}: cannot write the file: no permission to write in this folder "
                                 "(write elsewhere or change its permissions)")


def test_a_full_disk_names_the_users_path_and_leaves_nothing(tmp_path, way):
    out = tmp_path / "out.xlsm"
    with pytest.raises(OutputError) as caught:
        with atomic_output(out) as tmp:
            with open(tmp, "wb") as fh:
                fh.write(b"half")
                raise OSError(errno.ENOSPC, "No space left on device", str(tmp))
    assert str(caught.value) == f"{out}: cannot write the file: the disk is full (make room or write elsewhere)"
    assert names(tmp_path) == []


def test_a_real_full_device_while_writing(tmp_path, monkeypatch):
    """Write through to /dev/full, which fails every write with ENOSPC, as a full disk does."""
    out = tmp_path / "out.csv"
    with pytest.raises(OutputError, match="the disk is full"):
        with atomic_output(out):
            with open("/dev/full", "w") as fh:
                fh.write("x" * 10)
                fh.flush()
    assert names(tmp_path) == []


def test_an_input_error_inside_is_not_called_an_output_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        with atomic_output(tmp_path / "out.csv"):
            open(tmp_path / "missing-input.csv")
    assert names(tmp_path) == []


def test_write_bytes(tmp_path):
    assert write_bytes(tmp_path / "a.bin", b"\x00\x01").read_bytes() == b"\x00\x01"
    with pytest.raises(OutputError, match="exists already"):
        write_bytes(tmp_path / "a.bin", b"")


# --------------------------------------------------------------------------------------------
# Killed while writing: nothing is left behind
# --------------------------------------------------------------------------------------------

WRITER = """
import sys, time
from xlcapital import fileio
if sys.argv[2] == "named":
    fileio._new_unnamed = lambda target: (None, None)
with fileio.atomic_output(sys.argv[1]) as tmp:
    with open(tmp, "w") as fh:
        fh.write("half a workbook")
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
"""


def _killed(tmp_path: Path, how: int, way_name: str) -> list[str]:
    out = tmp_path / "out.xlsm"
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), str(out), way_name],
                            stdout=subprocess.PIPE, cwd=ROOT, text=True)
    try:
        assert proc.stdout.readline() == "writing\n"
        if way_name == "named":
            assert len(names(tmp_path)) == 1  # the hidden temporary name exists while writing
        proc.send_signal(how)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:  # pragma: no cover
            proc.kill()
            proc.wait()
    time.sleep(0.05)
    return names(tmp_path)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "SIGTERM"])
def test_killed_while_writing_leaves_nothing(tmp_path, how):
    if not (hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir()):  # pragma: no cover
        pytest.skip("no O_TMPFILE here")
    assert _killed(tmp_path, how, "unnamed") == []


def test_sigterm_removes_the_named_temporary_file(tmp_path):
    assert _killed(tmp_path, signal.SIGTERM, "named") == []


# --------------------------------------------------------------------------------------------
# Reading: bounded, regular files only
# --------------------------------------------------------------------------------------------


def test_reading_a_device_or_a_fifo_is_refused_at_once(tmp_path):
    from xlcapital.errors import InputError
    from xlcapital.fileio import read_text

    fifo = tmp_path / "company.toml"
    with fifo_nobody_writes(fifo):  # a plain open would wait forever
        for path in ("/dev/zero", fifo):
            with pytest.raises(InputError) as caught:
                read_text(path)
            assert str(caught.value) == f"{path}: not a regular file (a device, FIFO or socket)"
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_text(tmp_path)


def test_reading_is_bounded(tmp_path, monkeypatch):
    from xlcapital.errors import InputError
    from xlcapital.fileio import read_bytes

    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (2 * 1024 * 1024 + 1))
    assert len(read_bytes(big, limit=3 * 1024 * 1024)) == 2 * 1024 * 1024 + 1
    with pytest.raises(InputError) as caught:
        read_bytes(big, limit=2 * 1024 * 1024)
    assert str(caught.value) == f"{big}: too large: more than 2 MB (xlcapital reads files of this kind up to that size)"
