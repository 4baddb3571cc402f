"""The bundled labor-market data, loaded once off the UI thread and handed to whoever asked for it.

Nothing loads at start: the first view that needs the data calls
`when_loaded(receiver, callback)`; the data set opens on a worker thread and
the callback runs on the UI thread once it is ready (at once if it already is).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from cardwall.labor import ALL_INDUSTRIES, NATIONAL

if TYPE_CHECKING:
    from storage import labor


class _Loader(QObject):
    """Opens the data on a plain Python thread; the UI thread polls for the result.

    No Qt signal is emitted from the worker: PySide6 6.8+ can crash on signals
    emitted from non-Qt threads (PYSIDE-3124), and a 40 ms poll costs nothing.
    """

    loaded = Signal(object)  # LaborData, on the UI thread
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._started = False
        self._lock = threading.Lock()
        self._result: tuple[labor.LaborData | None, str] | None = None
        self.data: labor.LaborData | None = None
        self.error = ""
        self._waiting: list[tuple[QObject, Callable]] = []
        self._poll = QTimer(self, interval=40)
        self._poll.timeout.connect(self._check)

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._work, name="labor-data", daemon=True).start()
        self._poll.start()

    def _work(self) -> None:
        try:
            from storage import labor  # the tables' and the SOC matcher's code too loads here, off the UI thread

            data = labor.bundled()
            data.matcher.suggest("machinist", limit=1)  # build the matcher and import rapidfuzz here too
        except Exception as exc:  # a missing or damaged data file: say so, never crash the room
            self._result = (None, f"The labor-market data could not be loaded: {exc}")
            return
        self._result = (data, "")

    def _check(self) -> None:
        if self._result is None:
            return
        self._poll.stop()
        self._on_done(*self._result)

    def _on_done(self, data, error: str) -> None:
        self.data, self.error = data, error
        waiting, self._waiting = self._waiting, []
        if error:
            self.failed.emit(error)
            return
        for receiver, callback in waiting:
            if _alive(receiver):
                callback(data)
        self.loaded.emit(data)

    def when_loaded(self, receiver: QObject, callback: Callable) -> None:
        if self.data is not None:
            callback(self.data)
            return
        self._waiting.append((receiver, callback))
        self.start()


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


_loader: _Loader | None = None


def loader() -> _Loader:
    global _loader
    if _loader is None:
        _loader = _Loader()
    return _loader


def when_loaded(receiver: QObject, callback: Callable[[labor.LaborData], None]) -> None:
    """Call `callback(data)` on the UI thread when the data is ready (now, if it is); skipped if `receiver` is gone."""
    loader().when_loaded(receiver, callback)


def partnership_area(controller) -> str:
    return controller.ws.partnership.area_code or NATIONAL


def partnership_figures(controller, data: labor.LaborData, industry_code: str = ALL_INDUSTRIES) -> dict:
    """Figures in the partnership's region: bundled, with the partnership's imported figures laid over them."""
    from storage import labor

    area = partnership_area(controller)
    return labor.figures_for(data, area, industry_code, controller.wf.imported_figures(area, industry_code))


def imported_note(controller) -> str:
    """A sentence naming the partnership's imported figures (file, date, kind), or "" when there are none."""
    sources = controller.wf.imported_sources()
    if not sources:
        return ""
    return " Your imported figures override it where given: " + "; ".join(f"{s} ({k})" for s, k, _n in sources) + "."
