"""The offers' admin, in Wagtail: viewsets (viewsets.py), edit panels (panels.py), views (views.py),
listing filters (filters.py) and the dashboard panel (dashboard.py). jobs/wagtail_hooks.py registers
them."""
