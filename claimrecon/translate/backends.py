"""Translation backends: deep-translator services behind one small interface, with hard limits.

deep-translator calls ``requests.get``/``requests.post`` without a timeout, so a silent network
can hold a call for minutes. Two guards bound every call:

* the ``requests`` name inside each deep-translator module we use is replaced by a thin proxy
  that adds ``timeout=(connect, read)`` to every request (a socket-level bound), and
* the call itself runs in a daemon worker thread that is abandoned after ``timeout`` seconds
  (a wall-clock bound, which also covers a server that drips bytes).

Every exception a call can raise is turned into a :class:`Failure` that says, in words a desk
can act on, why a sentence has no translation, and whether to stop asking the service.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Protocol, TypeVar

from ..errors import ClaimreconError

T = TypeVar("T")

#: Backends a user may name: deep-translator services that need no paid key.
#: (deepl, microsoft, yandex, papago, baidu, qcri and chatgpt need keys; linguee and pons
#: translate single words, not sentences.)
BACKEND_NAMES = ("google", "mymemory", "libre")
#: Seconds a request may take, end to end, before it is abandoned.
DEFAULT_TIMEOUT = 8.0


class TranslationError(ClaimreconError):
    """The translation settings cannot be used (unknown backend, missing URL, broken cache)."""

    exit_code = 2


class Backend(Protocol):
    """What the runner needs of a translation service."""

    name: str  # short name recorded with each translation and in the cache key
    max_chars: int  # longest text one request may carry
    min_interval: float  # seconds to wait between two requests

    def translate(self, text: str, source: str, target: str) -> str:
        """``text`` in ``target``; raises on any failure."""
        ...


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a request failed, and how far the failure reaches.

    scope: ``run`` (stop asking this service: offline, timeout, rate limit), ``language`` (the
    service cannot handle this language pair) or ``sentence`` (this text only).
    """

    reason: str
    scope: str


class DeadlineExceeded(TimeoutError):
    """A call did not return within its wall-clock budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no answer within {seconds:g} s")
        self.seconds = seconds


def call_with_deadline(fn: Callable[[], T], seconds: float) -> T:
    """Run ``fn`` in a daemon thread; raise :class:`DeadlineExceeded` if it outlives ``seconds``.

    An abandoned call keeps its thread until its socket timeout ends it; being a daemon it never
    holds the process open.
    """
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed to the caller below
            box["error"] = e

    worker = threading.Thread(target=work, name="claimrecon-translate", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise DeadlineExceeded(seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


class _TimeoutRequests:
    """Stands in for the ``requests`` module inside a deep-translator module: adds a timeout."""

    def __init__(self, real: ModuleType, timeout: tuple[float, float]) -> None:
        self._real = real
        self.timeout = timeout

    def get(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", self.timeout)
        return self._real.get(*args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", self.timeout)
        return self._real.post(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def bound_requests(module: ModuleType, timeout: float) -> None:
    """Make every request ``module`` sends carry ``timeout`` (connect bounded at 5 s or less)."""
    import requests

    limits = (min(5.0, timeout), timeout)
    current = getattr(module, "requests", None)
    if isinstance(current, _TimeoutRequests):
        current.timeout = limits
    else:
        module.requests = _TimeoutRequests(requests, limits)  # type: ignore[attr-defined]


_HOST = re.compile(r"host='([^']+)'")


def classify(exc: BaseException, timeout: float) -> Failure:
    """Turn whatever a deep-translator call raised into a :class:`Failure`."""
    import requests
    from deep_translator import exceptions as dx  # type: ignore[import-untyped]

    if isinstance(exc, (DeadlineExceeded, requests.Timeout, TimeoutError)):
        return Failure(f"no answer within {timeout:g} s (timed out)", "run")
    if isinstance(exc, requests.ConnectionError):
        host = _HOST.search(str(exc))
        where = host.group(1) if host else "the service"
        if isinstance(exc, requests.exceptions.SSLError):
            return Failure(f"secure connection to {where} failed (TLS error; a proxy intercepting HTTPS?)", "run")
        return Failure(f"cannot reach {where} (no network connection, DNS failure or connection refused)", "run")
    if isinstance(exc, dx.TooManyRequests):
        return Failure("the service is rate-limiting us (too many requests); try again later", "run")
    if isinstance(exc, dx.AuthorizationException):
        return Failure("the service refused our key (set LIBRE_API_KEY if your server needs one)", "run")
    if isinstance(exc, (dx.LanguageNotSupportedException, dx.InvalidSourceOrTargetLanguage)):
        return Failure("the service does not support this language pair", "language")
    if isinstance(exc, dx.ServerException):
        return _http_failure(_server_status(exc))
    if isinstance(exc, dx.RequestError):
        return Failure("the service answered with an HTTP error", "sentence")
    if isinstance(exc, (dx.NotValidLength, dx.NotValidPayload)):
        return Failure("the service rejects this text (empty or too long)", "sentence")
    if isinstance(exc, requests.RequestException):
        return Failure(f"request failed ({type(exc).__name__})", "run")
    if isinstance(exc, OSError):
        return Failure(f"network error ({_short(exc)})", "run")
    if isinstance(exc, (dx.TranslationNotFound, dx.ElementNotFoundInGetRequest, ValueError, KeyError, TypeError, AttributeError)):
        return Failure("the service's answer could not be read (bad response)", "sentence")
    return Failure(f"unexpected error ({type(exc).__name__}: {_short(exc)})", "sentence")


def _server_status(exc: BaseException) -> int | None:
    """The HTTP status behind a deep-translator ServerException (it keeps only a label)."""
    from deep_translator.exceptions import ServerException  # type: ignore[import-untyped]

    label = exc.args[0] if exc.args else None
    return next((code for code, name in ServerException.errors.items() if name == label), None)


def _http_failure(status: int | None) -> Failure:
    """A refusal by HTTP status: some mean "stop asking", others concern one text."""
    if status == 429:
        return Failure("the service is rate-limiting us (too many requests); try again later", "run")
    if status in (401, 402, 403):
        return Failure(f"the service refused access (HTTP {status}; set LIBRE_API_KEY if your server needs a key)", "run")
    if status == 404:
        return Failure("the service answered HTTP 404 (check --translate-url: it should be the server's base URL)", "run")
    if status is None:
        return Failure("the service answered with an HTTP error", "sentence")
    return Failure(f"the service answered HTTP {status}", "sentence")


def _short(exc: BaseException, limit: int = 120) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(slots=True)
class DeepTranslatorBackend:
    """One deep-translator service; translators are built lazily per language pair."""

    name: str
    factory: Callable[[str, str], Any]  # (source, target) -> a deep-translator translator
    max_chars: int
    min_interval: float
    timeout: float = DEFAULT_TIMEOUT
    _translators: dict[tuple[str, str], Any] = field(default_factory=dict)

    def translate(self, text: str, source: str, target: str) -> str:
        """One request, bounded by ``timeout``; raises what deep-translator raises."""
        pair = (source, target)
        if pair not in self._translators:
            self._translators[pair] = self.factory(source, target)
        translator = self._translators[pair]
        out = call_with_deadline(lambda: translator.translate(text), self.timeout)
        if not isinstance(out, str) or not out.strip():
            raise ValueError("empty translation")
        return out


def _mymemory_code(lang: str) -> str:
    """MyMemory wants regional codes: "pl" -> "pl-PL", "en" -> "en-GB"."""
    from deep_translator.constants import MY_MEMORY_LANGUAGES_TO_CODES  # type: ignore[import-untyped]

    codes = list(MY_MEMORY_LANGUAGES_TO_CODES.values())
    for code in (lang, f"{lang}-{lang.upper()}"):
        if code in codes:
            return code
    return next((c for c in codes if c.startswith(lang + "-")), lang)


def make_backend(name: str, url: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> DeepTranslatorBackend:
    """The named service, ready to translate; raises :class:`TranslationError` on bad settings.

    Building a backend sends nothing: the first request happens on the first ``translate``.
    """
    key = name.lower()
    if key not in BACKEND_NAMES:
        raise TranslationError(f"unknown translation backend {name!r}",
                               f"Use one of: none, {', '.join(BACKEND_NAMES)}.")
    if url and key != "libre":
        raise TranslationError("--translate-url is only used with --translate libre",
                               "Drop --translate-url, or use --translate libre for your own LibreTranslate server.")
    try:
        from deep_translator import google, libre, mymemory
    except ImportError:
        raise TranslationError(
            f"--translate {key} needs deep-translator, which is not installed (it is an optional extra)",
            "Install it with: pip install 'claimrecon[translate]'   (or leave out --translate: the English glosses need no service)",
        ) from None

    # Request sizes stay well under each service's limit: google and libre carry the text in the
    # URL (percent-encoded Polish or Spanish can triple in length), and MyMemory counts bytes.
    if key == "google":
        bound_requests(google, timeout)
        return DeepTranslatorBackend("google", lambda s, t: google.GoogleTranslator(source=s, target=t), 1800, 1.0, timeout)
    if key == "mymemory":
        bound_requests(mymemory, timeout)
        return DeepTranslatorBackend(
            "mymemory", lambda s, t: mymemory.MyMemoryTranslator(source=_mymemory_code(s), target=_mymemory_code(t)),
            400, 1.0, timeout)
    if not url:
        raise TranslationError("--translate libre needs --translate-url",
                               "Give your LibreTranslate server, e.g. --translate-url http://localhost:5000/")
    if not re.match(r"https?://", url):
        raise TranslationError(f"--translate-url must start with http:// or https:// (got {url!r})")
    base = url if url.endswith("/") else url + "/"
    key_env = os.environ.get("LIBRE_API_KEY") or None
    bound_requests(libre, timeout)

    def build_libre(s: str, t: str) -> Any:
        # deep-translator insists on a key even for servers that need none; send one only if set
        translator = libre.LibreTranslator(source=s, target=t, api_key=key_env or "unused", custom_url=base)
        translator.api_key = key_env or ""  # falsy: no key sent
        return translator

    return DeepTranslatorBackend("libre", build_libre, 1500, 0.2, timeout)
