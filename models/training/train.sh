#!/usr/bin/env bash
# Reproduce the packaged attribution model (about 35 min on 2 cores):
#   bash models/training/train.sh /path/polnear.train.jsonl /path/polnear.dev.jsonl [train.py options]
# Converts both files, trains models/training/attribution.cfg (30 min wall-clock cap) and exports
# the ner to models/attribution/. Then: python models/training/evaluate.py DEV.jsonl /tmp/pred.jsonl
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-$here/../../.venv/bin/python}"
[ -x "$python" ] || python=python3
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
exec "$python" "$here/train.py" "$@"
