"""The spaCy layer: loading a pipeline, claimx's components and the Doc extensions they set,
offsets into the decoded text, speed-ups, chunking of long texts and shared syntax helpers."""
