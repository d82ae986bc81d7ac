"""The floor for the kiosk's cold start: a bare PySide6 script, one full-screen window, a label, two buttons.

It quits as soon as the window's contents are painted, exactly as ``main.py run --exit-after-paint`` does.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget


class QuitAfterPaint(QObject):
    painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QApplication.quit()
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("Please ask a nurse to start your discharge"))
    layout.addWidget(QPushButton("Nurse"))
    layout.addWidget(QPushButton("Help"))
    window.setCentralWidget(body)
    quitter = QuitAfterPaint(app)
    body.installEventFilter(quitter)
    window.showFullScreen()
    app.processEvents()
    if quitter.painted:
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
