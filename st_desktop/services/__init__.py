"""What st-desktop does, without widgets: the application services.

Between the ui (and the task runner that runs these methods on workers) and the plain layers
(``api``, ``store``, ``parsers``, ``domain``). Each service is plain Python, blocking and
thread-safe where it says so; the ui calls it through ``tasks`` and never reaches the API or the
sandbox itself:

- :mod:`.account`: signing in and out, the keyring, the :class:`~.account.Account` handle.
- :mod:`.workouts` (with :mod:`.sync` and :mod:`.detail`): the account's workouts, the cache,
  edits, create, delete to the local trash and restore.
- :mod:`.uploads` (with :mod:`.intake`, :mod:`.upload_checks`, :mod:`.duplicates`,
  :mod:`.upload_engine`): dropped files from the drop to the workout in the account.
"""
