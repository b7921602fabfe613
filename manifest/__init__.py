"""The Teams app package: ``manifest.json`` with placeholders, its icons, and the script
that fills in the ids and zips them (``make manifest``)."""
