"""Running a batch: the extract command, the worker pool, resume and atomic writes."""
