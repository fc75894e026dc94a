"""Actors: who makes a desk call (docs/access.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Union

__all__ = ["Actor", "ActorLike"]


@dataclass(frozen=True)
class Actor:
    """Who makes a call: ``kind`` is ``agent``, ``supervisor``, ``admin``, ``customer``
    or ``system``; ``id`` is the person's id (the customer's id for ``customer``),
    None for the system. The desk checks it against its people and access rules."""

    kind: str
    id: Optional[str] = None

    @classmethod
    def agent(cls, id: str) -> "Actor":
        return cls("agent", id)

    @classmethod
    def supervisor(cls, id: str) -> "Actor":
        return cls("supervisor", id)

    @classmethod
    def admin(cls, id: str) -> "Actor":
        return cls("admin", id)

    @classmethod
    def customer(cls, id: str) -> "Actor":
        return cls("customer", id)

    @classmethod
    def system(cls) -> "Actor":
        return cls("system")

    def to_dict(self) -> Dict[str, str]:
        """The actor's JSON form, {"kind": ..., "id": ...} (no id for the system)."""
        return {"kind": self.kind} if self.id is None else {"kind": self.kind, "id": self.id}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    def __str__(self) -> str:
        return self.kind if self.id is None else f"{self.kind} {self.id}"


#: What a desk call accepts as its actor: an Actor, its dict form, or JSON text.
ActorLike = Union[Actor, Mapping[str, Any], str]
