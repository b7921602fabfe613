"""Test fixtures shared by every suite: Teams-shaped activities, a fake Bot Connector, a
PostgreSQL server for the storage suite, and a clock that tests move by hand."""
