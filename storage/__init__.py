"""Persistence: SQLAlchemy 2 tables, repositories implementing the domain's ports, the
botbuilder ``Storage`` over SQL for dialog state, and the Alembic migrations."""
