"""The application factory: ``create_app(settings)`` wires adapter, storage and bot together.

No module globals: everything lives on the aiohttp ``Application`` under typed keys, and the
database engine is opened and closed by ``cleanup_ctx``, and so is the scheduler's task. On
shutdown (SIGTERM: aiohttp stops listening first) the scheduler stops claiming at once and its
posts under way, like the requests under way, get ``RAGBOT_SHUTDOWN_GRACE`` seconds; the
claims it will not finish go back to the outbox before the process exits.
``POST /api/messages`` takes Bot Framework activities; ``GET /healthz`` says whether the
database answers; ``GET /minutes/{token}.docx`` (and ``.md``, ``.pdf``) serves one version of
a meeting's minutes, an approved one's ``.pdf`` being its archived PDF/A and ``.json`` its
sidecar (a link unknown or revoked gets a plain 404 page that shows nothing of the group);
``GET /calendar/{token}.ics`` serves a group's meetings as a calendar file under an
unguessable link.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web
from botbuilder.core import InvokeResponse, PrivateConversationState
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from msrest.universal_http.requests import ClientRetryPolicy
from sqlalchemy.ext.asyncio import AsyncEngine
from yarl import URL

from bot.auth import KeysUnavailable, build_authentication
from bot.connector import ConnectorClients, read_json
from bot.delivery import ReliableAdapter, Undelivered
from bot.documents import DOCX_TYPE, minutes_docx, minutes_file_markdown
from bot.domain import dates, schedule
from bot.domain.calendar import meetings_calendar
from bot.domain.capture import Capture
from bot.domain.conversations import Conversations
from bot.domain.i18n import LANGUAGES, message
from bot.domain.meeting_events import MeetingEvents
from bot.domain.meetings import Meetings
from bot.domain.minutes import from_content
from bot.domain.model import GroupDefaults
from bot.domain.notices import Notices
from bot.domain.ports import Clock, Roster, SystemClock
from bot.domain.preferences import Preferences
from bot.domain.proceedings import Proceedings, file_stamp, file_stem
from bot.domain.records import Retention
from bot.domain.roles import Roles
from bot.domain.schedule import LeadTimes
from bot.domain.seminars import Seminars
from bot.domain.topics import Topics
from bot.handlers.base import Services
from bot.handlers.minutes import minutes_view_card
from bot.handlers.registry import REGISTRY
from bot.minutes_pdf import PDF_TYPE, WeasyPrinter, minutes_pdf
from bot.proactive import PER_CONVERSATION, PER_TENANT, TeamsNotifier
from bot.ratelimit import LocalSendLimits, SendLimits
from bot.roster import TeamsRoster
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.teams_bot import BotDependencies, RagBot
from storage.bot_state import SqlStorage
from storage.db import Database, create_engine, database_answers
from storage.outbox import SqlOutbox
from storage.records import SqlRecords
from storage.repositories import SqlActivityJournal
from storage.send_slots import SqlSendSlots
from storage.unit_of_work import SqlTransactions

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
CLOCK = web.AppKey("clock", Clock)
ENGINE = web.AppKey("engine", AsyncEngine)
ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", RagBot)
SCHEDULER = web.AppKey("scheduler", Scheduler)
DEPS = web.AppKey("deps", BotDependencies)
# Teams activities nest a handful of levels; card values a few more.
MAX_JSON_DEPTH = 32


def create_app(settings: Settings, *, clock: Clock | None = None) -> web.Application:
    app = web.Application(client_max_size=settings.max_request_bytes)
    app[SETTINGS] = settings
    app[CLOCK] = clock or SystemClock()
    app.cleanup_ctx.append(_resources)
    app.on_shutdown.append(_stop_scheduler)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/calendar/{token}.ics", calendar)
    app.router.add_get("/calendar/{token}/{meeting:\\d+}.ics", calendar)
    app.router.add_get("/minutes/{token}.{suffix:docx|md|pdf|json}", minutes_file)
    if not settings.auth_enabled:
        log.warning(
            "no MicrosoftAppId set: running in local mode, inbound requests are NOT "
            "authenticated (fine for the Emulator or Agents Playground, never for production)"
        )
    return app


def build_dependencies(
    settings: Settings,
    database: Database,
    clock: Clock,
    roster: Roster | None = None,
    clients: ConnectorClients | None = None,
) -> BotDependencies:
    transactions = SqlTransactions(database, clock)
    leads = lead_times(settings)
    # Its own adapter, like the scheduler's: reading a roster is not part of a user's turn.
    roster = roster or TeamsRoster(build_adapter(settings, clients), settings.bot_id, clock)
    return BotDependencies(
        conversations=Conversations(
            transactions,
            SqlOutbox(database),
            GroupDefaults(language=settings.language, timezone=settings.timezone),
            clock,
            roster,
        ),
        journal=SqlActivityJournal(database),
        services=Services(
            capture=Capture(transactions, clock, roster),
            meetings=Meetings(transactions, clock),
            notices=Notices(
                transactions,
                clock,
                settings.public_url,
                lambda view: minutes_view_card(view, settings.public_url),
            ),
            roles=Roles(transactions, clock),
            preferences=Preferences(transactions, leads, clock),
            proceedings=Proceedings(transactions, clock, WeasyPrinter(), roster),
            topics=Topics(transactions, clock),
            seminars=Seminars(transactions, clock),
            clock=clock,
            meeting_events=MeetingEvents(transactions, clock),
            public_url=settings.public_url,
            help_text=REGISTRY.help_text,
            vocabulary=REGISTRY.vocabulary,
        ),
        leads=leads,
        dialog_state=PrivateConversationState(SqlStorage(database, clock.now)),
    )


def lead_times(settings: Settings) -> LeadTimes:
    return LeadTimes(agenda=settings.agenda_lead, reminders=tuple(settings.reminder_leads))


def build_scheduler(
    settings: Settings,
    database: Database,
    deps: BotDependencies,
    worker: str | None = None,
    clients: ConnectorClients | None = None,
) -> Scheduler:
    # Its own adapter: a failed proactive post must not run the bot's turn error handler
    # (which would tell the channel "something went wrong").
    notifier = TeamsNotifier(
        build_adapter(settings, clients), settings.bot_id, send_limits(database)
    )
    return Scheduler(
        outbox=SqlOutbox(database),
        groups=deps.conversations,
        notices=deps.services.notices,
        notifier=notifier,
        journal=deps.journal,
        clock=deps.services.clock,
        leads=deps.leads,
        worker=worker,
        retention=(
            Retention(
                SqlRecords(database),
                SqlTransactions(database, deps.services.clock),
                settings.retention,
            )
            if settings.retention
            else None
        ),
    )


def send_limits(database: Database) -> SendLimits:
    """Teams' limits for this process's posts: shared through the database by the replicas
    on PostgreSQL; SQLite has one process, which keeps them itself."""
    if database.engine.dialect.name == "postgresql":
        return SqlSendSlots(database, PER_TENANT, PER_CONVERSATION)
    return LocalSendLimits(PER_TENANT, PER_CONVERSATION)


def build_bot(
    settings: Settings, engine: AsyncEngine, clock: Clock, roster: Roster | None = None
) -> RagBot:
    """The bot with its repositories, for the conversation tests (which pass the team's
    roster: their activities name no connector to ask)."""
    return RagBot(build_dependencies(settings, Database(engine), clock, roster))


def build_adapter(settings: Settings, clients: ConnectorClients | None = None) -> CloudAdapter:
    _speed_up_connector_clients()
    return CloudAdapter(build_authentication(settings, clients))


def _speed_up_connector_clients() -> None:
    """botbuilder builds two msrest clients per turn; each builds its retry policy with a
    list-membership test over 999 x 502 items (3 ms, a third of a turn's CPU). The same
    codes as a frozenset give the same policy at once. Idempotent."""
    ClientRetryPolicy.safe_codes = frozenset(ClientRetryPolicy.safe_codes)


async def _resources(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    engine = create_engine(settings.database_url)
    # One Database per process: on SQLite its lock is what queues the writers.
    database = Database(engine)
    # One connector client per service URL and one HTTP session for the whole process.
    clients = ConnectorClients()
    deps = build_dependencies(settings, database, app[CLOCK], clients=clients)
    bot = RagBot(deps)
    _speed_up_connector_clients()
    # Replies that the connector keeps refusing are queued, not lost (bot.delivery).
    adapter = ReliableAdapter(
        build_authentication(settings, clients),
        Undelivered(bot.queue_reply, bot.too_large_text),
        budget=settings.reply_budget,
    )
    adapter.on_turn_error = bot.on_error
    scheduler = build_scheduler(settings, database, deps, clients=clients)
    app[ENGINE] = engine
    app[BOT] = bot
    app[DEPS] = deps
    app[ADAPTER] = adapter
    app[SCHEDULER] = scheduler
    warming = asyncio.create_task(_warm_up())
    # The first tick runs once the warm-up is done, a second after start: what fell due while
    # the bot was down goes out then. Its planning needs the holidays package, which would
    # otherwise be imported on the event loop while start-up and the first requests wait.
    ticking = (
        asyncio.create_task(_tick_after(warming, scheduler, settings.scheduler_interval))
        if settings.scheduler
        else None
    )
    yield
    warming.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await warming
    if ticking is not None:
        # Usually begun by on_shutdown already, while the requests under way were finishing.
        scheduler.stop(settings.shutdown_grace)
        await scheduler.stopped()
        ticking.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticking
    await engine.dispose()
    await clients.close()


# How long after start-up the imports that turns need but start-up does not are made.
WARM_UP_AFTER = 1.0


async def _warm_up() -> None:
    """dateparser and holidays imported in a thread once the app is up and answering
    /healthz (start-up does not wait for them; a date read or a working day asked before
    that imports them itself)."""
    await asyncio.sleep(WARM_UP_AFTER)
    try:
        await asyncio.to_thread(warm_imports)
    except Exception:  # noqa: BLE001 - the first use imports them instead
        log.exception("warming up dateparser and holidays failed")


async def _tick_after(warming: asyncio.Task[None], scheduler: Scheduler, interval: float) -> None:
    await asyncio.shield(warming)  # cancelled with the app: no tick starts
    await scheduler.run(interval)


def warm_imports() -> None:
    """What the warm-up imports; the first tick comes after it."""
    dates.warm_up()
    schedule.warm_up()


async def _stop_scheduler(app: web.Application) -> None:
    """No new claims from the moment the process is told to stop (see ``_resources``)."""
    if SCHEDULER in app:
        app[SCHEDULER].stop(app[SETTINGS].shutdown_grace)


def _bad_request(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


async def messages(request: web.Request) -> web.Response:
    """Bot Framework's messaging endpoint.

    botbuilder 4.17.1's ``CloudAdapter.process`` serialises an invoke response twice and
    answers Adaptive Card actions with HTTP 500, and turns malformed bodies into 500s; this
    handler parses the body itself and calls ``process_activity``.
    """
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text="expected application/json")
    try:
        body = json.loads(await request.read())
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return _bad_request("body is not JSON")
    if _depth(body) > MAX_JSON_DEPTH:
        return _bad_request("body is nested too deeply")
    body = _valid_text(body)
    if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
        return _bad_request("body is not a Bot Framework activity")
    problem = _shape_problem(body)
    if problem:
        return _bad_request(problem)
    try:
        activity = read_json(Activity, body)
    except Exception:  # noqa: BLE001 - msrest raises a zoo of types for bad shapes
        return _bad_request("activity could not be read")
    if not _is_service_url(activity.service_url):
        # Replies go there; in production the token's serviceurl claim must also match it.
        return _bad_request("activity has no valid serviceUrl")
    settings = request.app[SETTINGS]
    tenant = _tenant_of(body)
    if settings.allowed_tenants and (tenant or "").lower() not in settings.allowed_tenants:
        log.warning("refused activity from tenant %s (not in the allow-list)", tenant)
        return web.json_response({"error": "tenant not allowed"}, status=403)
    auth_header = request.headers.get("Authorization", "")
    try:
        invoke_response = await request.app[ADAPTER].process_activity(
            auth_header, activity, request.app[BOT].on_turn
        )
    except PermissionError as error:
        log.warning("refused unauthenticated request: %s", error)
        raise web.HTTPUnauthorized() from None
    except KeysUnavailable as error:
        log.error("could not fetch the token signing keys: %s", error)
        raise web.HTTPServiceUnavailable() from None
    if invoke_response:
        return _invoke_json(invoke_response)
    return web.Response(status=200)


def _valid_text(value: Any) -> Any:
    """The body with lone UTF-16 surrogates (which JSON can carry as escapes, and no database
    can store) replaced by "?"; Teams never sends them."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [_valid_text(item) for item in value]
    if isinstance(value, dict):
        return {_valid_text(key): _valid_text(item) for key, item in value.items()}
    return value


_ID_FIELDS = (("id",), ("channelId",), ("replyToId",), ("from", "id"), ("recipient", "id"))
_OBJECT_FIELDS = (("from",), ("recipient",), ("channelData",)) + tuple(
    ("channelData", name) for name in ("tenant", "team", "channel", "meeting", "settings")
)


def _shape_problem(body: dict[str, Any]) -> str | None:
    """What makes the activity one Teams never sends, or None. botbuilder reads these fields
    without checking their types, and the ids go into the URLs of its replies."""
    for path in _OBJECT_FIELDS:
        value = _field(body, path)
        if value is not None and not isinstance(value, dict):
            return f"{'.'.join(path)} must be an object"
    if not _is_id(_field(body, ("conversation", "id"))):
        return "activity has no conversation"
    for required in (("channelId",), ("from", "id")):
        if _field(body, required) is None:
            return f"activity has no {'.'.join(required)}"
    for path in _ID_FIELDS:
        value = _field(body, path)
        if value is not None and not _is_id(value):
            return f"{'.'.join(path)} must be a short ASCII string"
    return None


def _field(body: dict[str, Any], path: tuple[str, ...]) -> object:
    value: object = body
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    return value


def _is_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 1000 and value.isascii()


def _depth(document: object) -> int:
    """How deeply lists and objects nest in a parsed JSON document (without recursion)."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _is_service_url(value: object) -> bool:
    if not isinstance(value, str) or len(value) > 2000:
        return False
    try:
        url = URL(value)
    except ValueError:
        return False
    return url.scheme in ("https", "http") and bool(url.host) and value.isascii()


def _tenant_of(body: dict[str, Any]) -> str | None:
    channel_data = body.get("channelData")
    if isinstance(channel_data, dict) and isinstance(channel_data.get("tenant"), dict):
        tenant = channel_data["tenant"].get("id")
        if isinstance(tenant, str):
            return tenant
    conversation = body.get("conversation")
    if isinstance(conversation, dict) and isinstance(conversation.get("tenantId"), str):
        return conversation["tenantId"]
    return None


def _invoke_json(invoke_response: InvokeResponse) -> web.Response:
    body = invoke_response.body
    if hasattr(body, "serialize"):
        body = body.serialize()
    if body is None:
        return web.Response(status=invoke_response.status)
    return web.json_response(body, status=invoke_response.status)


async def healthz(request: web.Request) -> web.Response:
    if await database_answers(request.app[ENGINE]):
        return web.json_response({"status": "ok", "database": "ok"})
    return web.json_response({"status": "unavailable", "database": "down"}, status=503)


async def minutes_file(request: web.Request) -> web.Response:
    """One version of a meeting's minutes as PDF, Word or Markdown; the link's secret is the
    version's own, so an earlier version keeps its link. An approved version's PDF is the
    PDF/A archived when it was approved (the same bytes every time) and ``.json`` its
    sidecar; a draft has no sidecar."""
    token, suffix = request.match_info["token"], request.match_info["suffix"]
    proceedings = request.app[DEPS].services.proceedings
    found = await proceedings.version_by_token(token) if len(token) >= 20 else None
    if found is None:
        return _link_gone()
    group, version = found
    if suffix in ("pdf", "json") and version.approved:
        archived = await proceedings.archived(token)
        if archived is None:
            return _link_gone()
        group, version, archive = archived
        if suffix == "json":
            return web.json_response(
                archive.sidecar,
                dumps=lambda value: json.dumps(value, ensure_ascii=False, indent=2),
                headers=_attachment(f"{file_stem(group, version)}.json"),
            )
        return web.Response(
            body=archive.pdf,
            content_type=PDF_TYPE,
            headers=_attachment(f"{file_stem(group, version)}.pdf"),
        )
    if suffix == "json":
        return _link_gone()
    minutes = from_content(version.content)
    stamp = file_stamp(group, version)
    if suffix == "pdf":
        body = await asyncio.to_thread(
            minutes_pdf, minutes, stamp, group.language, version.created_at
        )
        content_type, charset = PDF_TYPE, None
    elif suffix == "docx":
        body = minutes_docx(minutes, stamp, version.created_at)
        content_type, charset = DOCX_TYPE, None
    else:
        body = minutes_file_markdown(minutes, stamp).encode()
        content_type, charset = "text/markdown", "utf-8"
    return web.Response(
        body=body,
        content_type=content_type,
        charset=charset,
        headers=_attachment(f"{file_stem(group, version)}.{suffix}"),
    )


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def _link_gone() -> web.Response:
    """The page an unknown or revoked minutes link gets: in every language (the link no
    longer says whose it was), and nothing about the group."""
    text = "\n\n".join(message(language, "minutes_link_gone") for language in LANGUAGES)
    return web.Response(status=404, text=text + "\n", content_type="text/plain")


async def calendar(request: web.Request) -> web.Response:
    """The group's upcoming meetings and seminars, or one meeting (cancelled too), as an
    .ics file."""
    token = request.match_info["token"]
    use_case = request.app[DEPS].services.meetings
    group = await use_case.group_of_calendar(token) if len(token) >= 20 else None
    if group is None:
        raise web.HTTPNotFound()
    if "meeting" in request.match_info:
        meeting = await use_case.get(group, int(request.match_info["meeting"]))
        if meeting is None:
            raise web.HTTPNotFound()
        meetings, seminars = [meeting], []
    else:
        meetings = await use_case.upcoming(group)
        seminars = await request.app[DEPS].services.seminars.upcoming(group)
    body = meetings_calendar(group, meetings, request.app[CLOCK].now(), seminars=seminars)
    return web.Response(
        body=body,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="motestider.ics"'},
    )
