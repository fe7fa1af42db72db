"""The search query language, parsed once and compiled to FTS5 MATCH and PostgreSQL tsquery.

Grammar (one language for both backends, so a query means the same thing everywhere):

    query   := or_expr
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= unary (["AND"] unary)*          words side by side must all match
    unary   := ("-" | "NOT") atom | atom        exclusion needs another, positive term
    atom    := word | word* | "a phrase" | "(" or_expr ")"

Operators are upper case (lower-case "or" is a word). Words are split on anything that is
not a letter or digit, so `U.N.` and `Kim's` become short phrases and nothing a user types
can reach the backend's own syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nkmonitor.errors import QueryError

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Words:
    """A word, a word split into parts, or a quoted phrase; `prefix` applies to the last part."""

    parts: list[str]
    prefix: bool = False


@dataclass
class And:
    positive: list = field(default_factory=list)
    negative: list = field(default_factory=list)


@dataclass
class Or:
    options: list


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError("unbalanced quote: a phrase opened with \" is never closed", subject=query,
                                 hint='close the phrase, e.g. "special envoy"')
            out.append(("phrase", query[i + 1:end]))
            i = end + 1
        elif c in "()":
            out.append((c, c))
            i += 1
        elif c == "-" and (i + 1 < n and not query[i + 1].isspace()) and (not out or query[i - 1].isspace() or query[i - 1] == "("):
            out.append(("not", "-"))
            i += 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in '"()':
                j += 1
            word = query[i:j]
            out.append(({"AND": "and", "OR": "or", "NOT": "not"}.get(word, "word"), word))
            i = j
    return out


class _Parser:
    def __init__(self, query: str):
        self.query = query
        self.tokens = _tokens(query)
        self.pos = 0

    def error(self, message: str) -> QueryError:
        return QueryError(message, subject=self.query,
                          hint='use words, "exact phrases", prefix* and the operators AND, OR, NOT')

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse(self):
        if not self.tokens:
            raise QueryError("the query is empty", subject=self.query, hint="give at least one word")
        node = self.or_expr()
        if self.pos < len(self.tokens):
            kind = self.peek()
            raise self.error("unbalanced parenthesis: ')' without '('" if kind == ")" else f"unexpected {self.tokens[self.pos][1]!r}")
        return node

    def or_expr(self):
        options = [self.and_expr()]
        while self.peek() == "or":
            self.pos += 1
            if self.peek() in (None, ")", "or", "and"):
                raise self.error("OR needs a term after it")
            options.append(self.and_expr())
        return options[0] if len(options) == 1 else Or(options)

    def and_expr(self):
        node = And()
        first = True
        while True:
            kind = self.peek()
            if kind == "and":
                if first:
                    raise self.error("AND needs a term before it")
                self.pos += 1
                if self.peek() in (None, ")", "or", "and"):
                    raise self.error("AND needs a term after it")
                continue
            if kind in (None, ")", "or"):
                if first:
                    raise self.error("OR needs a term before it" if kind == "or" else
                                     ("empty parentheses" if kind == ")" else "the query has no terms"))
                break
            negate = False
            if kind == "not":
                self.pos += 1
                negate = True
                if self.peek() in (None, ")", "or", "and", "not"):
                    raise self.error("NOT (or -) needs a term after it")
            atom = self.atom()
            if atom is not None:
                (node.negative if negate else node.positive).append(atom)
            first = False
        if not node.positive:
            if node.negative:
                raise self.error("a query cannot only exclude: add a term that must match")
            raise self.error("the query has no letters or digits to search for")
        if len(node.positive) == 1 and not node.negative:
            return node.positive[0]
        return node

    def atom(self):
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "(":
            if self.peek() == ")":
                raise self.error("empty parentheses")
            inner = self.or_expr()
            if self.peek() != ")":
                raise self.error("unbalanced parenthesis: '(' is never closed")
            self.pos += 1
            return inner
        if kind == "phrase":
            parts = _WORD.findall(value.lower())
            if not parts:
                raise self.error("the phrase has no letters or digits")
            return Words(parts)
        prefix = value.endswith("*")
        parts = _WORD.findall(value.lower())
        if not parts:
            if value.strip("*"):
                return None  # lone punctuation such as '&' or '/' carries nothing to search
            raise self.error("'*' must follow the start of a word, e.g. envo*")
        return Words(parts, prefix=prefix)


def parse_query(query: str):
    """Parse a user query into a small tree; QueryError names what is wrong with it."""
    return _Parser(query.strip()).parse()


def to_fts5(node) -> str:
    """The SQLite FTS5 MATCH expression of a parsed query (every word quoted)."""
    if isinstance(node, Words):
        phrase = '"' + " ".join(node.parts) + '"'
        return phrase + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(o) for o in node.options) + ")"
    expr = "(" + " AND ".join(to_fts5(p) for p in node.positive) + ")"
    for neg in node.negative:
        expr = f"({expr} NOT {to_fts5(neg)})"
    return expr


def to_tsquery(node) -> str:
    """The PostgreSQL to_tsquery text of a parsed query (every word quoted, phrases with <->)."""
    if isinstance(node, Words):
        lexemes = [f"'{p}'" for p in node.parts]
        if node.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(o) for o in node.options) + ")"
    parts = [to_tsquery(p) for p in node.positive] + ["!" + to_tsquery(n) for n in node.negative]
    return "(" + " & ".join(parts) + ")"
