# Start-up baseline for CPython.
pass
