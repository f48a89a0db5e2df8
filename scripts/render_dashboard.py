#!/usr/bin/env python3
"""docs/dashboard.png from workbooks/demo.xlsm: ``scripts/render_sheets.py --dashboard`` under its old name.

    PYTHONPATH=. python scripts/render_dashboard.py [WORKBOOK] [PNG]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_sheets import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["--dashboard", *sys.argv[1:]]))
