"""The bot's features as handlers: one module per feature (reports, actions, meetings, …), each
declaring its commands, card actions and help lines, collected by ``registry``.

Kept import-free so ``bot/cards.py`` can share ``card_actions`` without loading the handlers.
"""
