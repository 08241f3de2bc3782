"""Writing results: machine formats, the terminal view and the HTML page. Never imports spaCy."""
