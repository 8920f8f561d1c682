"""Intake of the State's digital job offers published elsewhere (Choisir le service public, France
Travail, Place de l'emploi public exports): adapters turn each format into the rows of
`jobs.importer`, which alone writes offers (docs/intake.md)."""
