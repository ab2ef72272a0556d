"""Widgets: the only layer that touches QtWidgets.

It shows what the services (``st_desktop.services``) do, running them on the task runner
(``st_desktop.tasks``); it never reaches the API or the sandbox itself.
"""
