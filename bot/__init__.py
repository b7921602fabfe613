"""RAG-boten: a Microsoft Teams bot for Nordic regional working groups in healthcare."""
