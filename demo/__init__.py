"""The demo site's content, kept out of the product.

Data files under `data/` (YAML texts, drawn images) and the idempotent loader that turns them into the
demo site (`manage.py load_demo_content`, run by `make run` and by the tests). No production module
imports this app; it calls the product's own paths (the offer importer, the institution spaces).
"""
