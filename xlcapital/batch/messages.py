"""What the batch says, in English and Dutch (:mod:`xlcapital.messages`): one Text per message."""

from __future__ import annotations

from xlcapital.messages import FOLDER_NOT_FOUND, NOT_A_FOLDER, Text  # noqa: F401 (shared)

NOT_A_CLIENT = Text("not a client folder: it holds neither company.toml nor forecast.toml",
                    "geen klantmap: er staat geen company.toml en geen forecast.toml in")
CLIENT_FOLDER_GONE = Text("the client folder is gone", "de klantmap is verdwenen")
GIVE_CLIENTS_FOLDER = Text("give the folder that holds one folder per client",
                           "geef de map met één map per klant")
ONE_CLIENT = Text("this is one client's folder, not a folder of clients",
                  "dit is de map van één klant, geen map met klanten")
GIVE_ITS_PARENT = Text("give its parent folder, or use `xlcapital generate {folder}` for one client",
                       "geef de map erboven, of gebruik `xlcapital generate {folder}` voor één klant")
NO_CLIENTS = Text("holds no client folders", "bevat geen klantmappen")
ONE_FOLDER_EACH = Text("put each client's company.toml and/or forecast.toml in a folder of its own",
                       "zet de company.toml en/of forecast.toml van elke klant in een eigen map")
GIVE_OUTPUT_FOLDER = Text("give a folder for the batch's output", "geef een map voor wat de batch schrijft")
FOREIGN_FILES = Text("the folder holds files that xlcapital batch did not write",
                     "de map bevat bestanden die xlcapital batch niet heeft geschreven")
EMPTY_OR_FORCE = Text("give an empty or new folder, or use --force to write into it",
                      "geef een lege of nieuwe map, of gebruik --force om erin te schrijven")
NO_DASK = Text("Dask is not installed", "Dask is niet geïnstalleerd")
INSTALL_DASK = Text('pip install "xlcapital[dask]", or leave out --scheduler to use this machine',
                    'pip install "xlcapital[dask]", of laat --scheduler weg om deze computer te gebruiken')
NO_SCHEDULER = Text("cannot reach the Dask scheduler at {scheduler}: {why}",
                    "kan de Dask-scheduler op {scheduler} niet bereiken: {why}")
START_SCHEDULER = Text("start one with `dask scheduler` and workers with `dask worker ADDRESS`",
                       "start er een met `dask scheduler` en workers met `dask worker ADRES`")
