"""The Excel face of xlcapital: the Excel functions and the workbook that demonstrates them.

* :mod:`~xlcapital.excel.functions`: every Excel function, defined once (no xlwings import);
* :mod:`~xlcapital.excel.shapes`: Excel ranges in, cell values and error values out;
* :mod:`~xlcapital.excel.udfs`: the classic xlwings add-in's registration (Excel for Windows);
* :mod:`~xlcapital.excel.lite`: ``main.py`` and ``requirements.txt`` for xlwings Lite (Windows, Mac, web);
* :mod:`~xlcapital.excel.addin`: the functions workbook (``xlcapital addin``).

The core (ratios, statements, bank, forecast) imports nothing from here; this package imports the core.

The module name the xlwings add-in imports the functions from is
:data:`xlcapital.workbook.xlwingsconf.UDF_MODULE` (the xlwings.conf sheet's ``UDF Modules``): declared
there, beside the one sheet that writes it, so the workbook face needs nothing from this package and
the imports run one way (excel -> workbook).
"""
