# RAG-boten container: the same steps as `make run` (install pinned, migrate, serve).
# Production sets MicrosoftAppId/MicrosoftAppPassword (and usually a PostgreSQL
# RAGBOT_DATABASE_URL); without credentials the bot refuses to listen on 0.0.0.0 unless
# RAGBOT_ALLOW_INSECURE=1 is set.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# WeasyPrint draws the minutes' PDF and PDF/A through Pango; DejaVu is the font it embeds.
# Debian's versions within the pinned base image's release (bookworm) are its security updates.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 ragbot \
    && useradd --system --uid 10001 --gid ragbot --home-dir /app --shell /usr/sbin/nologin ragbot

COPY pyproject.toml constraints.txt README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY storage ./storage
RUN pip install --no-cache-dir -c constraints.txt . \
    && mkdir -p /app/var \
    && chown ragbot:ragbot /app/var

USER 10001
ENV RAGBOT_HOST=0.0.0.0 \
    RAGBOT_PORT=3978 \
    RAGBOT_DATABASE_URL=sqlite+aiosqlite:////app/var/ragbot.db
EXPOSE 3978
VOLUME ["/app/var"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('RAGBOT_PORT', '3978'), timeout=4)"]

CMD ["sh", "-c", "ragbot migrate && exec ragbot run"]
