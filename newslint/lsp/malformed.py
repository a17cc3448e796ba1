"""Answering malformed messages with JSON-RPC errors instead of silence.

pygls logs a message it cannot read and answers nothing, so a client waits
for its timeout. JSON-RPC 2.0 says what to answer:

- a body that is not JSON: ``-32700`` Parse error, with ``"id": null``;
- JSON that is not a request object (an array, a number, no ``"jsonrpc"``):
  ``-32600`` Invalid Request, with the request's id when it has one, else null;
- a request whose params do not fit the method: ``-32602`` Invalid params,
  with the request's id.

Notifications (no id) with bad params get no answer, as JSON-RPC requires;
the error is logged.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.protocol import LanguageServerProtocol

__all__ = ["MalformedRequest", "NewslintProtocol", "answer_unreadable"]

log = logging.getLogger("newslint.lsp")


class MalformedRequest:
    """A request that pygls could not structure; the protocol answers it with ``error``."""

    def __init__(self, msg_id: object, error: JsonRpcException) -> None:
        self.id = msg_id
        self.error = error


def _send_error(protocol: Any, msg_id: object, error: JsonRpcException) -> None:
    """Write the error response as a plain dict, so a null id is written as null."""
    response = error.to_response_error()
    body: dict[str, object] = {"code": response.code, "message": response.message}
    if response.data is not None:
        body["data"] = response.data
    protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "error": body})


def _valid_id(value: object) -> object:
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None


class NewslintProtocol(LanguageServerProtocol):  # type: ignore[misc]
    """pygls's protocol, answering requests it cannot structure instead of dropping them."""

    def structure_message(self, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:  # a request: it waits for an answer
                error = exc if isinstance(exc, JsonRpcInvalidParams) else JsonRpcInvalidParams()
                return MalformedRequest(_valid_id(data.get("id")), error)
            raise

    def handle_message(self, message):  # type: ignore[no-untyped-def]
        if isinstance(message, MalformedRequest):
            log.warning("answering request %r: %s", message.id, message.error.message)
            _send_error(self, message.id, message.error)
            return None
        if not hasattr(message, "jsonrpc"):  # not a JSON-RPC object: an array, a number, a dict without "jsonrpc"
            msg_id = _valid_id(message.get("id")) if isinstance(message, dict) else None
            log.warning("answering a message that is not a JSON-RPC request (id %r)", msg_id)
            _send_error(self, msg_id, JsonRpcInvalidRequest())
            return None
        return super().handle_message(message)


def answer_unreadable(protocol: Any, error: Exception) -> bool:
    """Answer a body that is not JSON (or not UTF-8) with a Parse error; True if answered."""
    if isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):
        log.warning("answering an unreadable message: %s", error)
        _send_error(protocol, None, JsonRpcParseError())
        return True
    return False
