"""What st-desktop keeps on disk, in plain Python and SQLite.

- :mod:`.cache`: the offline workout cache (summaries, full workouts, the local trash) that the
  workout table reads and network refreshes write.
- :mod:`.uploads` (rows in :mod:`.upload_records`): the persistent upload queue, the private
  inbox copies of dropped files and the ledger of upload requests.

Stores only keep and find data; deciding what to do with it is the services' job.
"""
