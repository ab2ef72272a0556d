"""Dialogs: sign-in, new workout, confirmation and readable error boxes."""
