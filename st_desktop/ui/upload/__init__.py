"""The upload pane: drop files, see each one's status, preview and fix it, upload."""
