"""Screenshots of a skill panel on the demo workspace, before and after the reveal (docs/img/panel-*.png).

Run under a display (Xvfb works): `xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python docs/screenshots_panel.py`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from cardwall.commands import CastDot, EditPanel  # noqa: E402
from cardwall.panels import dots_left, task_labels  # noqa: E402
from storage.demo import build_demo  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.matrix.voting import ARRANGE  # noqa: E402

OUT = ROOT / "docs" / "img"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = build_demo(Path(folder) / "demo.cardwall")
        window = MainWindow()
        window.resize(1920, 1080)
        window.open_workspace(path)
        session = next(s for s in window.wf.ws.ordered_sessions() if s.info.kind == "skill-panel")
        window.show_session(session.id)
        window.show()
        window.sessions_dock.hide()
        if window.participants is not None:
            window.participants.hide()
        settle(app)
        window.resize(1920, 1080)  # docks added after the first resize ask for more; a 1080p screen has no more
        settle(app)
        page = window.page
        page.show_panel("tdm")
        # Before the reveal: results hidden, one employer at the laptop placing dots.
        window.controller.run(EditPanel(session.id, "tdm", revealed=False))
        voters = [p for p in page.session.ordered_participants() if p.role != "partner"]
        voter = next(p for p in voters if dots_left(page.session, page.panel, p.id, 1) == 3)
        page.voting.set_mode(voter.id)
        c2 = next(t for t, label in task_labels(page.session, "tdm").items() if label == "C-2")
        window.controller.run(CastDot(session.id, c2, voter.id))
        page._fit()
        settle(app)
        window.grab().save(str(OUT / "panel-before-reveal.png"))
        # After the reveal: counts, heat, the ranking with its ties.
        page.voting.set_mode(ARRANGE)
        window.controller.run(EditPanel(session.id, "tdm", revealed=True))
        page._fit()
        settle(app)
        window.grab().save(str(OUT / "panel-after-reveal.png"))
        page.details.raise_()
        page.dacum.setChecked(True)
        settle(app)
        window.grab().save(str(OUT / "panel-dacum-details.png"))
        window.close()
    print("wrote", ", ".join(sorted(p.name for p in OUT.glob("panel-*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
