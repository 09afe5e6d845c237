"""A small scripted HTTP server on 127.0.0.1 that answers SageMaker's JSON protocol badly on cue.

Each request is matched to a queue of :class:`Action` by its operation (``X-Amz-Target``) and
the job it names; when a queue runs dry its last action repeats. Every request is recorded, so a
test can assert how many calls reached the server.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs

from tests.support.jobs import ARN_PREFIX, NOW


@attrs.frozen
class Action:
    """One way of answering a request.

    ``kind`` is ``answer`` (``status``, ``body``, ``content_type``), ``reset`` (close the
    connection with a TCP reset before answering), ``hang`` (answer ``body`` only after
    ``seconds``, past the client's read timeout) or ``short`` (declare the whole body's length,
    send half of it and close).
    """

    kind: str
    status: int = 200
    body: bytes = b""
    content_type: str = "application/x-amz-json-1.1"
    seconds: float = 0.0


def answer(data: Any, status: int = 200) -> Action:
    """A JSON answer (datetimes as epoch seconds, as the JSON protocol sends them)."""
    body = json.dumps(data, default=lambda value: value.timestamp()).encode()
    return Action("answer", status=status, body=body)


def error(status: int, code: str, message: str = "scripted") -> Action:
    """An AWS JSON error answer."""
    return answer({"__type": code, "message": message}, status=status)


def html(status: int = 200) -> Action:
    """A proxy's HTML page."""
    page = b"<html><head><title>Gateway</title></head><body>Please log in</body></html>"
    return Action("answer", status=status, body=page, content_type="text/html")


def raw(body: bytes, status: int = 200) -> Action:
    """Exactly ``body`` with a JSON content type (truncated or empty JSON, say)."""
    return Action("answer", status=status, body=body)


RESET = Action("reset")


def hang(seconds: float, data: Any = None) -> Action:
    """Answer ``data`` only after ``seconds``."""
    return attrs.evolve(answer(data or {}), kind="hang", seconds=seconds)


def short(data: Any) -> Action:
    """Promise the JSON of ``data`` but close after half of it."""
    return attrs.evolve(answer(data), kind="short")


def summary(name: str, status: str = "InProgress") -> dict[str, Any]:
    """One ListAutoMLJobs summary."""
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": ARN_PREFIX + name,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": "Starting",
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
    }


def candidate(name: str, value: Any, metric: str = "F1", kind: str | None = None) -> dict[str, Any]:
    """One ListCandidatesForAutoMLJob candidate (``value`` as sent on the wire)."""
    result: dict[str, Any] = {
        "CandidateName": name,
        "ObjectiveStatus": "Succeeded",
        "CandidateSteps": [],
        "CandidateStatus": "Completed",
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
        "FinalAutoMLJobObjectiveMetric": {"MetricName": metric, "Value": value},
    }
    if kind:
        result["FinalAutoMLJobObjectiveMetric"]["Type"] = kind
    return result


@attrs.frozen
class Call:
    """One request the server received."""

    operation: str
    params: dict[str, Any]


class ScriptedServer:
    """The server and its script; use :meth:`script` to queue answers."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._queues: dict[tuple[str, str | None], list[Action]] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, operation: str, *actions: Action, job: str | None = None) -> None:
        """Queue ``actions`` for ``operation`` (of ``job``, when given; else of any job)."""
        with self._lock:
            self._queues.setdefault((operation, job), []).extend(actions)

    def count(self, operation: str, job: str | None = None) -> int:
        """How many ``operation`` requests (for ``job``, when given) arrived."""
        return sum(
            1
            for call in self.calls
            if call.operation == operation
            and (job is None or call.params.get("AutoMLJobName") == job)
        )

    def _next(self, operation: str, params: dict[str, Any]) -> Action:
        with self._lock:
            self.calls.append(Call(operation, params))
            for key in ((operation, params.get("AutoMLJobName")), (operation, None)):
                queue = self._queues.get(key)
                if queue:
                    return queue.pop(0) if len(queue) > 1 else queue[0]
        return error(500, "InternalFailure", f"nothing scripted for {operation}")

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                params = json.loads(self.rfile.read(length) or b"{}")
                operation = (self.headers.get("X-Amz-Target") or "").rpartition(".")[2]
                server._perform(self, server._next(operation, params))

            def log_message(self, *args: Any) -> None:
                pass  # quiet

        return Handler

    def _perform(self, handler: BaseHTTPRequestHandler, action: Action) -> None:
        if action.kind == "reset":
            # SO_LINGER with a zero timeout makes close() send a TCP reset.
            handler.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            handler.connection.close()
            handler.close_connection = True
            return
        if action.kind == "hang":
            time.sleep(action.seconds)
        body = action.body[: len(action.body) // 2] if action.kind == "short" else action.body
        try:
            handler.send_response(action.status)
            handler.send_header("Content-Type", action.content_type)
            handler.send_header("Content-Length", str(len(action.body)))
            handler.send_header("x-amzn-RequestId", "scripted")
            handler.end_headers()
            handler.wfile.write(body)
            handler.wfile.flush()
        except OSError:
            pass  # the client gave up (read timeout) and closed first
        if action.kind == "short":
            handler.close_connection = True

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


def run_server() -> Iterator[ScriptedServer]:
    """A started :class:`ScriptedServer`, shut down afterwards."""
    with ScriptedServer() as server:
        yield server
