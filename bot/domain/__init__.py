"""The domain core: what RAG-boten knows about groups, meetings, reports and action items.

Nothing here imports botbuilder, aiohttp or SQLAlchemy (``tests/test_architecture.py``
enforces it): the edges adapt to the core, never the other way round.
"""
