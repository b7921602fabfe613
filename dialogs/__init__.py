"""Multi-turn conversations: each gathers input into a draft, confirms it and calls one
domain service. Dialog state holds only primitives and lives in SQL (``storage.bot_state``)."""
