import sys

from xlcapital.cli import main

sys.exit(main())
