"""The Room menu: open the session to the room's devices, show the code on the projector, steer them.

The server (ui/room/) runs on its own thread; the Qt main thread holds the
workspace. Requests wait in a plain queue that a timer here drains, and each
is run through the controller, so a card from a phone is one undoable command
like a typed one. No Qt signal is emitted from the server's thread (PYSIDE-3124).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QVBoxLayout, QWidget

from cardwall.commands import Change, Command, DomainError, EditPanel
from ui.room.host import WorkspaceHost
from ui.room.interfaces import local_addresses


class QtHost(WorkspaceHost):
    """The app's main thread holds the workspace: a timer drains what the server hands over."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window, self.controller = window, window.controller
        self.timer = QTimer(window, interval=5)  # a request waits at most ~5 ms for the main thread
        self.controller.changed.connect(self._on_changed)

    @property
    def ws(self):
        return self.controller.ws

    def run_command(self, command: Command) -> Change:
        change = self.controller.run(command)
        if change is None:
            raise DomainError(self.controller.last_refusal or "That change was refused.")
        return change

    def _on_changed(self, change) -> None:
        self.changed(change)


class RoomControl:
    """The open room of one window: its server, host and the facilitator's controls."""

    def __init__(self, window) -> None:
        self.window = window
        self.host = self.room = self.server = None
        self.code_window: RoomCodeWindow | None = None
        self._shown_version = -1

    @property
    def is_open(self) -> bool:
        return self.server is not None

    def open(self, bind: str, port: int = 0) -> None:
        from ui.room import open_room

        window = self.window
        self.host = QtHost(window)
        self.room, self.server = open_room(
            self.host, window.wf.path, window.session_id, panel_id=getattr(window.page, "panel_id", None),
            bind=bind, port=port,
        )  # fmt: skip
        self.host.timer.timeout.connect(self._on_tick)
        self.host.timer.start()
        QApplication.instance().aboutToQuit.connect(self.close)

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
        if self.host is not None:
            self.host.timer.stop()
            self.host.drain()  # answer what was waiting (the server is gone: nobody listens)
            self.host.controller.changed.disconnect(self.host._on_changed)
        if self.code_window is not None:
            self.code_window.close()
            self.code_window = None
        self.host = self.room = self.server = None

    def _on_tick(self) -> None:
        window = self.window
        if window.controller is not self.host.controller or window.wf is None or window.wf.closed:
            self.close()  # the workspace closed under the room: the room closes with it
            update_menu(window)
            return
        self.host.drain()
        panel_id = getattr(window.page, "panel_id", None)
        if window.session_id == self.room.session_id and panel_id and panel_id != self.room.panel_id:
            self.room.set_panel(panel_id)  # devices vote on the panel the facilitator has open
        if self.room.version != self._shown_version:  # only when something changed, not 200 times a second
            self._shown_version = self.room.version
            update_menu(window)


def install_room_menu(window) -> None:
    """One call from MainWindow.__init__: the Room menu, before View."""
    menu = window.menuBar().addMenu("&Room")
    window.menuBar().insertMenu(window.view_menu.menuAction(), menu)
    window.room_menu = menu
    window.room = RoomControl(window)
    actions = window.room_actions = {}
    actions["open"] = window._action(menu, "&Open the room…", lambda: open_room_dialog(window))
    actions["code"] = window._action(menu, "Show the &join code", lambda: show_code(window))
    actions["notes"] = window._action(menu, "Copy the &note-taker's address", lambda: copy_notes_address(window))
    menu.addSeparator()
    for key, text in (("cards", "Devices write &cards"), ("third", "&Third-card round"), ("dots", "&Voting")):
        actions[key] = window._action(menu, text, lambda on, key=key: _set_open(window, key, on))
        actions[key].setCheckable(True)
    actions["reveal"] = window._action(menu, "&Reveal the votes", lambda: reveal(window))
    actions["lock"] = window._action(menu, "&Lock the room", lambda on: _run(window, lambda r: r.set_locked(on)))
    actions["lock"].setCheckable(True)
    actions["remove"] = window._action(menu, "Remove a &device…", lambda: remove_device_dialog(window))
    menu.addSeparator()
    actions["close"] = window._action(menu, "&Close the room", lambda: close_room(window))
    window.room_status = QLabel()
    window.statusBar().addPermanentWidget(window.room_status)
    menu.aboutToShow.connect(lambda: update_menu(window))
    update_menu(window)


def update_menu(window) -> None:
    control, actions = window.room, window.room_actions
    room = control.room
    actions["open"].setEnabled(not control.is_open and window.controller is not None)
    for key in ("code", "notes", "cards", "third", "dots", "reveal", "lock", "remove", "close"):
        actions[key].setEnabled(control.is_open)
    for key in ("cards", "third", "dots"):
        actions[key].setChecked(bool(room and key in room.open_for))
    actions["lock"].setChecked(bool(room and room.locked))
    text = ""
    if room is not None:
        count = room.device_count()
        text = f"Room open: {count} device{'s' if count != 1 else ''}" + (" (locked)" if room.locked else "")
    if window.room_status.text() != text:
        window.room_status.setText(text)
    if control.code_window is not None:
        control.code_window.refresh()


def open_room_dialog(window, *, choice: str | None = None) -> bool:
    """Pick the network (shown with its address), then serve the session in front on it."""
    if window.controller is None or window.session_id is None:
        window.refuse("Open a session first: the room joins the session in front.")
        return False
    if window.wf.readonly:
        window.refuse("This workspace is open read-only: the room's devices could not save anything.")
        return False
    from cardwall.assets import joins_the_room

    if not joins_the_room(window.controller.ws.sessions[window.session_id]):
        window.refuse("The room's devices join a wall (cards) or a skill panel (dots): open one of those first.")
        return False
    addresses = local_addresses()
    labels = [f"{address}  ({where})" for address, where in addresses]
    if choice is None:
        choice, ok = QInputDialog.getItem(window, "Open the room", "Devices join over this network:", labels, 0, False)
        if not ok:
            return False
    bind = addresses[labels.index(choice)][0] if choice in labels else choice
    try:
        window.room.open(bind, 8765)
    except OSError:
        try:
            window.room.open(bind, 0)  # the usual port is taken: any free one
        except OSError as exc:
            window.refuse(f"The room cannot listen on {bind}: {exc.strerror or exc}.")
            return False
    update_menu(window)
    show_code(window)
    return True


def copy_notes_address(window) -> str:
    """The note-taker's address (never on the projector: it writes for anyone) goes to the clipboard."""
    address = window.room.server.notes_url if window.room.is_open else ""
    if address:
        QApplication.clipboard().setText(address)
        window.statusBar().showMessage(f"Copied the note-taker's address: {address}", 10000)
    return address


def close_room(window) -> None:
    window.room.close()
    update_menu(window)


def _run(window, change) -> None:
    """A facilitator's control, run here on the main thread (the room's state lives on it)."""
    if window.room.room is not None:
        change(window.room.room)
    update_menu(window)


def _set_open(window, key: str, on: bool) -> None:
    _run(window, lambda r: r.set_open(key, on))


def reveal(window) -> None:
    room = window.room.room
    if room is None or room.panel_id is None:
        window.refuse("There is no skill panel in the room to reveal.")
        return
    window.controller.run(EditPanel(room.session_id, room.panel_id, revealed=True))


def remove_device_dialog(window, *, device_id: str | None = None) -> None:
    room = window.room.room
    if room is None:
        return
    devices = room.device_list()
    if device_id is None:
        if not devices:
            window.refuse("No device has joined yet.")
            return
        labels = [who for _, who in devices]
        choice, ok = QInputDialog.getItem(window, "Remove a device", "Device:", labels, 0, False)
        if not ok:
            return
        device_id = devices[labels.index(choice)][0]
    _run(window, lambda r: r.remove_device(device_id))


def show_code(window) -> RoomCodeWindow | None:
    control = window.room
    if not control.is_open:
        return None
    if control.code_window is None:
        control.code_window = RoomCodeWindow(control)
        screens = QApplication.screens()
        if len(screens) > 1:  # the projector is the other screen: fill it
            control.code_window.setGeometry(screens[-1].geometry())
            control.code_window.showFullScreen()
        else:
            control.code_window.resize(1280, 720)
            control.code_window.show()
    control.code_window.raise_()
    return control.code_window


class QrItem(QWidget):
    """The join address as a QR code, drawn square and crisp at any size."""

    def __init__(self, text: str) -> None:
        super().__init__()
        import segno

        self.qr = segno.make(text, error="m", micro=False)
        self.setAccessibleName(f"QR code for {text}")
        self.setMinimumSize(240, 240)

    def paintEvent(self, event) -> None:
        matrix = [list(row) for row in self.qr.matrix]
        border = 2
        n = len(matrix) + 2 * border
        side = min(self.width(), self.height())
        cell = side / n
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, side, side), QColor("#ffffff"))
        black = QColor("#000000")
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRectF(left + (x + border) * cell, top + (y + border) * cell, cell, cell), black)
        painter.end()


class RoomCodeWindow(QWidget):
    """For the projector: a large QR code, the short address, the room code and how many have joined."""

    def __init__(self, control: RoomControl) -> None:
        super().__init__(None, Qt.Window)
        self.control = control
        self.setWindowTitle("Cardwall: join the room")
        self.setStyleSheet("background: #1b3a6b; color: #ffffff;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        server = control.server
        self.qr = QrItem(server.join_url)
        self.heading = QLabel("Join with your phone: scan, or type the address")
        self.address = QLabel(server.join_url.split("://", 1)[1])
        self.code = QLabel(f"Room code  {control.room.code}")
        self.devices = QLabel()
        for label, size, bold in ((self.heading, 26, False), (self.address, 34, True), (self.code, 40, True),
                                  (self.devices, 26, False)):  # fmt: skip
            font = QFont(label.font())
            font.setPixelSize(size)
            font.setBold(bold)
            label.setFont(font)
            label.setAlignment(Qt.AlignCenter)
            label.setTextFormat(Qt.PlainText)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addWidget(self.devices)
        self.refresh()

    def refresh(self) -> None:
        room = self.control.room
        if room is None:
            return
        count = room.device_count()
        what = {"cards": "cards", "third": "third card", "dots": "voting"}
        doing = ", ".join(what[k] for k in ("cards", "third", "dots") if k in room.open_for) or "nothing yet"
        state = "Locked" if room.locked else f"Open for: {doing}"
        text = f"{count} device{'s' if count != 1 else ''} joined  ·  {state}"
        if self.devices.text() != text:
            self.devices.setText(text)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Escape, Qt.Key_F11):
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
            return
        super().keyPressEvent(event)
