"""The bot's features as handlers: one module per feature (reports, actions, meetings, …), each
declaring its commands, card actions (``bot.card_actions``, shared with ``bot/cards.py``) and
help lines, collected by ``registry``.
"""
