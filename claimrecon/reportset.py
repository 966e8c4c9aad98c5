"""A run's reports as one set: written aside, swapped in whole, or not at all.

Every report file of a run (``report.json``, ``report.md``, ... wherever ``--out`` and the
per-format options put them) is first written into a staging folder beside its target
(``.claimrecon-staging-XXXX/`` in the same folder, so the final rename never crosses a disk).
Only when every file is complete does the run write a swap journal (``.claimrecon-swap.json``,
itself renamed into place: that rename is the moment the new set exists), rename each staged file
over its target, and remove the journal and the staging folders. So:

- a run that fails or is killed before the journal leaves the previous set untouched; its staging
  folder is removed at once when it fails, and by the next command that writes to that folder
  when the process was killed (``kill -9`` gives it no chance to clean up);
- a run killed after the journal, within the few renames, leaves the journal, and the next
  command on that folder (``compare`` or ``review``) finishes the swap before anything else.

Writers of one folder take turns: ``folder_lock`` holds an exclusive ``flock`` on the folder
itself (no lock file is left behind) while a set is staged and swapped, while a SQLite file is
appended to, and while the review file is read and rewritten, so concurrent runs and reviews
never lose each other's work.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .atomic import file_mode
from .errors import WriteError

STAGING_PREFIX = ".claimrecon-staging-"
JOURNAL = ".claimrecon-swap.json"

_HINTS = {
    errno.ENOSPC: "The disk is full: free some space or give another --out.",
    errno.EDQUOT: "The disk quota is used up: free some space or give another --out.",
    errno.EFBIG: "The file size limit (ulimit -f) was reached: raise it or write fewer formats.",
    errno.EROFS: "The file system is read-only: give another --out.",
    errno.EACCES: "Give a folder you can write to (--out), or fix its permissions.",
    errno.EPERM: "Give a folder you can write to (--out), or fix its permissions.",
    errno.ENOTDIR: "A part of that path is a file, not a folder: give another --out.",
    errno.EEXIST: "That path is a file, not a folder: give another --out.",
    errno.EISDIR: "That path is a folder: give a file name.",
    errno.ENAMETOOLONG: "The path is too long: give a shorter one.",
}


def write_error(path: str | Path, err: BaseException) -> WriteError:
    """The one-line error for a report that could not be written to ``path``."""
    if isinstance(err, OSError):
        cause = err.strerror or str(err)
        hint = _HINTS.get(err.errno or 0, "Check the path and the disk, then run again.")
    else:  # sqlite3's errors carry only a message ("database or disk is full")
        cause = str(err)
        hint = ("The disk is full: free some space or give another --out." if "full" in cause
                else "Check the path and the disk, then run again.")
    return WriteError(f"cannot write {path}: {cause}", hint)


def _folder_of(path: Path) -> Path:
    """The folder a target lives in, created if missing (a path below a file fails here)."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"cannot write into {folder}: it is a file, not a folder", _HINTS[errno.EEXIST])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise write_error(folder, e) from None
    return folder


@contextlib.contextmanager
def folder_lock(folder: str | Path, *, create: bool = True, waiting: str | None = None) -> Iterator[None]:
    """An exclusive lock on ``folder`` for the block (``flock`` on the folder itself).

    ``waiting``, when the lock is taken by another process, is printed on stderr before waiting.
    Where the system cannot lock a folder, the block runs unlocked.
    """
    import fcntl

    f = Path(folder)
    if create:
        try:
            f.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise write_error(f, e) from None
    try:
        fd = os.open(f, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as e:
        raise write_error(f, e) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                print(waiting, file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # no locks here (some network file systems): run unlocked
        yield
    finally:
        os.close(fd)  # releases the lock


def recover(folder: str | Path) -> None:
    """Finish a swap a killed run left half done in ``folder``; remove staging folders left over.

    Call with ``folder_lock(folder)`` held (a staging folder is only ever in use under it).
    """
    f = Path(folder)
    journal = f / JOURNAL
    if journal.exists():
        try:
            moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
        except (OSError, ValueError, KeyError, TypeError):
            moves = []  # unreadable: the old set may be partly replaced; nothing more can be done
        for staged, target in moves:
            if os.path.exists(staged):
                os.replace(staged, target)
        for staged, _ in moves:
            shutil.rmtree(os.path.dirname(staged), ignore_errors=True)
        journal.unlink(missing_ok=True)
    try:
        leftovers = [p for p in f.iterdir() if p.name.startswith(STAGING_PREFIX)]
    except OSError:
        return
    for p in leftovers:
        shutil.rmtree(p, ignore_errors=True)


class ReportSet:
    """Where each report of a run is written first, and the swap that puts them all in place.

    ``with ReportSet(targets) as rs:`` locks and tidies every target folder, then
    ``rs.staged(target)`` gives the path to write each report to; leaving the block without an
    error swaps the whole set in (``commit``), with an error removes the staged files."""

    def __init__(self, targets: Sequence[str | Path]) -> None:
        self.targets = [Path(t) for t in targets]
        self.folders: list[Path] = []
        self.staging: dict[Path, Path] = {}  # target folder -> its staging folder
        self._stack = contextlib.ExitStack()
        self.committed = False  # the journal is in place: the new set is the one

    def __enter__(self) -> ReportSet:
        try:
            folders = sorted({_folder_of(t).resolve() for t in self.targets})
            for folder in folders:  # one order for every run: no two runs wait for each other
                self._stack.enter_context(folder_lock(folder, waiting=f"waiting: another claimrecon run is writing in {folder}"))
                recover(folder)
            self.folders = folders
        except BaseException:
            self._stack.close()
            raise
        return self

    def staged(self, target: str | Path) -> Path:
        """The path to write the new ``target`` to."""
        t = Path(target)
        folder = t.parent.resolve()
        if folder not in self.staging:
            try:
                self.staging[folder] = Path(folder / f"{STAGING_PREFIX}{secrets.token_hex(4)}")
                self.staging[folder].mkdir()
            except OSError as e:
                raise write_error(folder, e) from None
        return self.staging[folder] / t.name

    def commit(self) -> None:
        """Swap every staged file in: after the journal is in place, the new set is the one."""
        moves = [(str(self.staged(t)), str(t.parent.resolve() / t.name)) for t in self.targets]
        for staged, target in moves:
            if not os.path.exists(staged):
                raise write_error(target, OSError(errno.ENOENT, "the report was not written"))
            os.chmod(staged, file_mode(Path(target)))
        journal = self.folders[0] / JOURNAL
        tmp = self.folders[0] / f"{STAGING_PREFIX}{secrets.token_hex(4)}.json"
        try:
            tmp.write_text(json.dumps({"moves": moves}), encoding="utf-8")
            os.replace(tmp, journal)
            self.committed = True
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise write_error(journal, e) from None
        for staged, target in moves:
            try:
                os.replace(staged, target)
            except OSError as e:
                # the set is committed: the next command on this folder finishes the swap
                raise write_error(target, e) from None
        self._tidy()
        journal.unlink(missing_ok=True)

    def _tidy(self) -> None:
        for d in self.staging.values():
            shutil.rmtree(d, ignore_errors=True)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.commit()
        except BaseException:
            if not self.committed:
                self._tidy()
            raise
        else:
            if exc_type is not None:
                self._tidy()
        finally:
            self._stack.close()
