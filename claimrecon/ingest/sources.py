"""Paths given on the command line -> the inputs to read, each with a stable id.

Folders are walked recursively in name order (a stable order on every machine). Every entry
found becomes a ``Source``, including the ones that cannot be read (a symlink loop, a broken
link, an unlistable folder, a pipe, a hidden file): those carry their problem, so that nothing
given is silently dropped. Symlinked folders are followed once; a link back to a folder already
walked is reported as a loop instead of being walked forever.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .problems import InputProblem, NotAnArticle, Unreadable

STDIN_ID = "<stdin>"
#: folders deeper than this below a folder given are reported, not walked
MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its id in the report, where to read it, and any problem already known."""

    id: str
    path: Path | None  # None: standard input
    problem: InputProblem | None = None
    listed: bool = False  # found by walking a folder: gone at read time means it vanished
    shown: str | None = None  # the path reports show: relative to the folder given (a file given: its name)


def access_problem(err: OSError, path: str) -> InputProblem:
    """The reason an ``os.stat``/``open`` failure gives, in the user's terms."""
    if err.errno == errno.ELOOP:
        return Unreadable("symlink loop: the link never reaches a file")
    if err.errno == errno.ENOENT:
        if os.path.islink(path):
            return Unreadable("broken symlink: its target does not exist")
        return Unreadable("no such file or folder")
    if err.errno in (errno.EACCES, errno.EPERM):
        return Unreadable("permission denied: it cannot be read (check its permissions)")
    if err.errno == errno.ENAMETOOLONG:
        return Unreadable("the path is too long")
    return Unreadable(f"cannot access: {err.strerror or err}")


def path_list(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """The paths a caller gave, as strings. One path (a ``str`` or a ``Path``) is a list of one
    path, never a sequence of one-character paths (``"/"`` among them: the whole disk)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [os.fspath(p) for p in paths]


def expand_paths(paths: Sequence[str]) -> list[Source]:
    """Every input under ``paths``, in order: arguments as given, folder contents by name."""
    out: list[Source] = []
    for raw in paths:
        if raw == "-":
            out.append(Source(STDIN_ID, None))
            continue
        try:
            st = os.stat(raw)
        except (OSError, ValueError) as e:
            problem = access_problem(e, raw) if isinstance(e, OSError) else Unreadable(f"not a usable path: {e}")
            out.append(Source(raw, Path(raw) if isinstance(e, OSError) else None, problem, shown=_name(raw)))
            continue
        path = Path(raw)
        if stat.S_ISDIR(st.st_mode):
            found = list(_walk(path, "", {(st.st_dev, st.st_ino)}))
            out.extend(found or [Source(path.name or raw, path, NotAnArticle("empty folder: no files in it"), shown=_name(raw))])
        else:
            # a file, or a pipe/device named explicitly (``<(curl ...)``): read it as asked
            out.append(Source(path.name or raw, path, shown=_name(raw)))
    return _unique_ids(out)


def _name(raw: str) -> str:
    """How reports show a path given on the command line: its last part, never where it sits on this machine."""
    return Path(raw).name or raw


def _walk(folder: Path, prefix: str, seen: set[tuple[int, int]]) -> Iterator[Source]:
    """The inputs in ``folder``, by name, depth first; ``seen`` holds the folders above it."""
    if len(seen) > MAX_DEPTH:
        yield Source(prefix.rstrip("/"), folder, NotAnArticle(f"folder nested more than {MAX_DEPTH} levels deep, not read"), listed=True,
                     shown=prefix.rstrip("/"))
        return
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Source(prefix.rstrip("/") or folder.name, folder, _folder_problem(e, str(folder)), shown=prefix.rstrip("/") or folder.name)
        return
    for entry in entries:
        rel = prefix + entry.name
        path = Path(entry.path)
        if entry.name.startswith("."):
            what = "folder" if entry.is_dir(follow_symlinks=False) else "file"
            yield Source(rel, path, NotAnArticle(f"hidden {what} (its name starts with a dot), not read"), listed=True, shown=rel)
            continue
        try:
            st = os.stat(entry.path)
        except OSError as e:
            yield Source(rel, path, access_problem(e, entry.path), listed=True, shown=rel)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield Source(rel, path, NotAnArticle("symlink loop: it links back to a folder already read"), listed=True, shown=rel)
                continue
            yield from _walk(path, rel + "/", seen | {key})
        elif stat.S_ISREG(st.st_mode):
            yield Source(rel, path, listed=True, shown=rel)
        else:
            yield Source(rel, path, NotAnArticle("not a regular file (a pipe, socket or device), not read"), listed=True, shown=rel)


def _folder_problem(err: OSError, path: str) -> InputProblem:
    if err.errno in (errno.EACCES, errno.EPERM):
        return Unreadable("permission denied: the folder cannot be listed (check its permissions)")
    return access_problem(err, path)


def _unique_ids(sources: list[Source]) -> list[Source]:
    """Two inputs with one id (``x.txt`` in folders ``a`` and ``b`` given as ``a b``) get ids from
    as many folders of their paths as tell them apart (``a/x.txt``, ``b/x.txt``), so an id, and
    the claim ids made from it, never depend on the order of the arguments; the same path given
    twice gets ``~2``, ``~3``..."""
    by_id: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        by_id.setdefault(s.id, []).append(i)
    ids = [s.id for s in sources]
    for sid, members in by_id.items():
        if len(members) < 2:
            continue
        parts = {i: _parts(sources[i]) for i in members}
        depth = len(sid.split("/"))
        longest = max(len(p) for p in parts.values())
        distinct = len({tuple(p) for p in parts.values()})
        while depth < longest and len({tuple(parts[i][-depth:]) for i in members}) < distinct:
            depth += 1
        if depth > len(sid.split("/")):
            for i in members:
                ids[i] = "/".join(parts[i][-depth:]) or sid
    seen: set[str] = set()
    out: list[Source] = []
    # what is still shared (one path given twice) is numbered in path order, then argument order
    for i in sorted(range(len(sources)), key=lambda i: (ids[i], str(sources[i].path), i)):
        sid, n = ids[i], 1
        while sid in seen:
            n += 1
            sid = f"{ids[i]}~{n}"
        seen.add(sid)
        ids[i] = sid
    for s, sid in zip(sources, ids):
        out.append(s if sid == s.id else Source(sid, s.path, s.problem, s.listed, s.shown))
    return out


def _parts(s: Source) -> list[str]:
    """The components of a source's path, as given (``..`` and ``.`` resolved away), or its id."""
    if s.path is None:
        return s.id.split("/")
    norm = os.path.normpath(str(s.path)).replace(os.sep, "/")
    return [p for p in norm.split("/") if p not in ("", ".", "..")]
