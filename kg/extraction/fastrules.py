"""A faster way for spaCy's attribute ruler to find its matches: the same matches, looked up in an index.

English models carry an ``attribute_ruler`` of some 180 token rules ("a token
tagged ``VBZ`` whose lower form is ``gets`` has the lemma ``get``"). spaCy runs
them through its general ``Matcher``, which tries every rule at every token:
about an eighth of the whole parse of a news article. Most rules name one tag
or one word, so the tokens a rule can match are found by looking the tag or
word up; only the few rules that name neither are tried at every token.

:func:`speed_up_attribute_ruler` swaps the ruler's ``match`` method for one
that returns exactly what spaCy's returns (the same list, in the same order);
spaCy's own code still applies the rules. A ruler with a kind of rule this
module does not know keeps spaCy's method.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The token attributes a supported rule may test, with the column of ``Doc.to_array`` holding them.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")

#: A test on one token: (column, kind, value); kind is "eq" (a hash or a bool), "in", "not_in" (sets of hashes)
#: or "regex" (a compiled pattern searched in the attribute's text).
Test = tuple[int, str, Any]


def _token_tests(spec: dict[str, Any], strings: Any) -> list[Test] | None:
    """Return the tests of one token pattern, or None when it uses something this module does not handle."""
    tests: list[Test] = []
    for key, value in spec.items():
        if key not in _COLUMNS:
            return None
        col = _COLUMNS.index(key)
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((col, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((col, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op == "IN" and isinstance(arg, list):
                tests.append((col, "in", {strings.add(v) for v in arg}))
            elif op == "NOT_IN" and isinstance(arg, list):
                tests.append((col, "not_in", {strings.add(v) for v in arg}))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append((col, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return tests


class IndexedMatch:
    """The ``match`` of an attribute ruler, answered from indexes of the doc's tags and words.

    Holds, per rule (in the ruler's order), its token patterns as lists of
    tests. A pattern whose first token has an equality or ``IN`` test is
    tried only where the doc has one of those values; the others (a regular
    expression alone, say) at every token.
    """

    def __init__(self, ruler: Any, rules: list[list[list[list[Test]]]]) -> None:
        self.vocab = ruler.vocab
        self.match_ids = [self.vocab.strings.add(str(i)) for i in range(len(rules))]
        # (rule, column, length, pattern, values of the column it can start at)
        self.keyed: list[tuple[int, int, int, list[list[Test]], frozenset[int]]] = []
        self.scanned: list[tuple[int, list[list[Test]]]] = []    # patterns tried at every token
        for i, patterns in enumerate(rules):
            for pattern in patterns:
                key = next(((col, {value} if kind == "eq" else value) for col, kind, value in pattern[0]
                            if kind in {"eq", "in"}), None)
                if key is None:
                    self.scanned.append((i, pattern))
                else:
                    self.keyed.append((i, key[0], len(pattern), pattern, frozenset(key[1])))
        self.columns = sorted({col for _, col, _, _, _ in self.keyed})   # the columns worth indexing per doc

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        n = len(doc)
        if n == 0:
            return []
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        columns = list(zip(*rows, strict=True))
        where: list[dict[int, list[int]]] = [{}, {}, {}, {}]
        for col in self.columns:
            index = where[col]
            for i, value in enumerate(columns[col]):
                index.setdefault(value, []).append(i)
        strings = self.vocab.strings
        found: set[tuple[int, int, int]] = set()

        def fits(pattern: list[list[Test]], start: int) -> bool:
            if start + len(pattern) > n:
                return False
            for offset, tests in enumerate(pattern):
                row = rows[start + offset]
                for col, kind, value in tests:
                    have = row[col]
                    if kind == "eq":
                        if have != value:
                            return False
                    elif kind == "in":
                        if have not in value:
                            return False
                    elif kind == "not_in":
                        if have in value:
                            return False
                    elif not value.search(strings[have] if have else ""):
                        return False
            return True

        for rule, col, length, pattern, values in self.keyed:
            index = where[col]
            alone = length == 1 and len(pattern[0]) == 1  # the index test is the whole pattern
            for value in values:
                for start in index.get(value, ()):
                    if alone or fits(pattern, start):
                        found.add((rule, start, start + length))
        for rule, pattern in self.scanned:
            for start in range(n):
                if fits(pattern, start):
                    found.add((rule, start, start + len(pattern)))
        return sorted((rule, self.match_ids[rule], start, end) for rule, start, end in found)


def indexed_match(ruler: Any) -> IndexedMatch | None:
    """Return the indexed ``match`` for ``ruler``, or None when one of its rules has a form this module lacks."""
    rules: list[list[list[list[Test]]]] = []
    for entry in ruler.patterns:   # in the ruler's order: entry i is rule i
        patterns: list[list[list[Test]]] = []
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            tokens = [_token_tests(spec, ruler.vocab.strings) if isinstance(spec, dict) else None for spec in pattern]
            if any(t is None for t in tokens):
                return None
            patterns.append(tokens)  # type: ignore[arg-type]
        rules.append(patterns)
    return IndexedMatch(ruler, rules)


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the indexed ``match``; return True if it was given."""
    if name not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe(name)
    if not callable(getattr(ruler, "match", None)) or not hasattr(ruler, "patterns"):
        return False
    fast = indexed_match(ruler)
    if fast is None:
        return False
    ruler.match = fast
    return True
