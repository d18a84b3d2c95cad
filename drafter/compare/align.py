"""Paragraph alignment: which old paragraph became which new one.

The matching form of a paragraph is its words without label, in NFC, with
plain quotes and hyphens and folded case, each distinct word one character
(`words.Codec.fold`); punctuation and footnote references are left out.
Alignment of one list of sibling blocks (the preamble, the operative part, the
children of a matched paragraph, the footnotes) runs in steps:

1. anchors: paragraphs that are identical and unique on both sides;
2. close pairs: a block that follows a paired block on both sides (give or
   take a deleted one) and has word similarity ≥ 0.75 with it, the common
   case of a lightly edited text, paired without scoring it against others;
3. the rest, pairs with word similarity ≥ 0.5: among all these candidates the
   best-weighted chain that keeps the order on both sides (dynamic programming;
   for many leftovers the candidates come from an index of word trigrams, never
   from a full similarity matrix); pairs off the chain go to the move pass;
4. splits (one old ≈ two new) and merges (the reverse) among the leftovers and
   their matched neighbours: the two parts adjacent, or with one block between
   that went elsewhere; the whole between the partners of their neighbours, or
   a few places off (moved as well).

Moves are found by `match_moves` over the leftovers of the whole document:
identical, nearly identical, or moved and edited (word similarity ≥ 0.55).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from operator import lt

from drafter.compare.words import Codec, Tokens

PAIR = 0.5  # modified rather than deleted + inserted
MOVE_JACCARD = 0.8
MOVE_EDITED = 0.55  # word similarity (Dice) of a paragraph moved and edited
MOVE_MIN_WORDS = 3
ANCHOR = 1.0  # the weight of a unique identical pair
LOOSE = 0.45  # subtracted from similarities before chaining pairs in a gap
CLOSE = 0.75  # similarity at which a block next in order on both sides is paired at once
LOOKAHEAD = 3  # old blocks tried after the last pair (one or two deleted in between)
# splits and merges (`_joins`): how much of each part lies in the whole, how much of the whole they cover
PART_INSIDE = 0.6
MOSTLY_INSIDE = 0.75
WHOLLY_INSIDE = 0.9
COVER = 0.8
COVER_ABSORBED = 0.5
REGROUP_NEAR = 3  # how far off the gap between its neighbours' partners a split or merge is looked for
FULL_MATRIX = 400  # gap size (old × new) up to which every pair is scored


@dataclass
class Item:
    """One block in its matching form: `words` has one character per word (`words.Codec.fold`), so
    that sets of words, trigrams and counts are operations on a short string."""

    key: str
    words: str
    heading: bool = False
    vocabulary: AbstractSet[str] = frozenset()
    _shingles: frozenset[str] | None = None
    _bag: Counter[str] | None = None

    @property
    def size(self) -> int:
        return len(self.words)

    @property
    def bag(self) -> Counter[str]:
        """The words with their counts, computed when first needed."""
        if self._bag is None:
            self._bag = Counter(self.words)
        return self._bag

    @property
    def shingles(self) -> frozenset[str]:
        """Word trigrams (the words themselves for very short texts), computed when first needed."""
        if self._shingles is None:
            words = self.words
            if len(words) >= 3:
                self._shingles = frozenset([words[i:i + 3] for i in range(len(words) - 2)])
            else:
                self._shingles = frozenset(words)
        return self._shingles


def make_item(tokens: Tokens, codec: Codec, heading: bool = False) -> Item:
    """The matching form of a block from its tokens (`words.cut`); blocks compared with each other
    share one codec."""
    chars = codec.fold(tokens.keys)
    words = "".join(chars)
    vocabulary = set(chars)
    vocabulary.discard("")
    return Item(("H:" if heading else "P:") + words, words, heading, vocabulary)


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    """The size of the multiset intersection."""
    return sum([min(a[word], b[word]) for word in a.keys() & b.keys()])


def similarity(a: Item, b: Item) -> float:
    """Dice coefficient of the two sets of words; 0 between a heading and a paragraph."""
    if a.heading != b.heading:
        return 0.0
    if a.key == b.key:
        return 1.0
    total = len(a.vocabulary) + len(b.vocabulary)
    if not total:
        return 0.0
    return 2 * len(a.vocabulary & b.vocabulary) / total


def jaccard(a: Item, b: Item) -> float:
    if a.heading != b.heading:
        return 0.0
    union = len(a.vocabulary | b.vocabulary)
    return len(a.vocabulary & b.vocabulary) / union if union else float(a.key == b.key)


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """The share of the words of `part` that are found in `whole`."""
    size = sum(part.values())
    return _overlap(part, whole) / size if size else 0.0


# --- chains ---------------------------------------------------------------------------
def heaviest_chain(pairs: Iterable[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The subset of (old, new, weight) pairs, increasing on both sides, with the largest total weight."""
    ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    if not ordered:
        return []
    new_order = [p[1] for p in ordered]
    if all(map(lt, new_order, new_order[1:])) and min([p[2] for p in ordered]) > 0:
        # the common case: the pairs keep the order on both sides already (the new indexes only
        # rise where the old ones do, in this order), and each adds weight, so all of them are the chain
        return [(old, new) for old, new, _weight in ordered]
    size = max(p[1] for p in ordered) + 2
    tree_value = [0.0] * size
    tree_index = [-1] * size
    best_value: list[float] = []
    back: list[int] = []
    for position, (_old, new, weight) in enumerate(ordered):
        # best chain ending with new index < this one: Fenwick prefix maximum over new + 1
        value, index = 0.0, -1
        k = new  # positions 1..new hold new indexes 0..new-1
        while k > 0:
            if tree_value[k] > value:
                value, index = tree_value[k], tree_index[k]
            k -= k & -k
        best_value.append(value + weight)
        back.append(index)
        k = new + 1
        while k < size:
            if best_value[position] > tree_value[k]:
                tree_value[k] = best_value[position]
                tree_index[k] = position
            k += k & -k
    end = max(range(len(ordered)), key=best_value.__getitem__)
    chain: list[tuple[int, int]] = []
    while end >= 0:
        chain.append((ordered[end][0], ordered[end][1]))
        end = back[end]
    chain.reverse()
    return chain


# --- candidates ----------------------------------------------------------------------
def _go_on() -> None:
    """The check of a search that nothing stops."""


class ShingleIndex:
    """Word trigrams → items, to find likely partners without scoring every pair."""

    def __init__(self, items: Sequence[Item], indexes: Iterable[int], check: Callable[[], None] = _go_on) -> None:
        self.items = items
        self.postings: dict[str, list[int]] = {}
        for index in indexes:
            check()
            for shingle in items[index].shingles:
                self.postings.setdefault(shingle, []).append(index)

    def candidates(self, item: Item, limit: int = 4) -> list[int]:
        hits: dict[int, int] = {}
        postings = self.postings
        for shingle in item.shingles & postings.keys():
            for index in postings[shingle]:
                hits[index] = hits.get(index, 0) + 1
        # the most shared trigrams first; among equals, the earliest (an order that does not hang on
        # the order of a set)
        return heapq.nsmallest(limit, hits, key=lambda index: (-hits[index], index))


def _scored_pairs(old: Sequence[Item], new: Sequence[Item], old_indices: list[int], new_indices: list[int],
                  threshold: float) -> list[tuple[int, int, float]]:
    """Pairs of the two index lists with similarity ≥ threshold."""
    pairs: list[tuple[int, int, float]] = []
    if len(old_indices) * len(new_indices) <= FULL_MATRIX:
        for i in old_indices:
            size = len(old[i].vocabulary)
            for j in new_indices:
                other = len(new[j].vocabulary)
                if 2 * min(size, other) < threshold * (size + other):
                    continue  # even all the words of the shorter one could not reach the threshold
                score = similarity(old[i], new[j])
                if score >= threshold:
                    pairs.append((i, j, score))
        return pairs
    return _indexed_pairs(old, new, old_indices, new_indices, threshold)


def _indexed_pairs(old: Sequence[Item], new: Sequence[Item], old_indices: list[int], new_indices: list[int],
                   threshold: float) -> list[tuple[int, int, float]]:
    """Pairs with similarity ≥ threshold among the likely partners the trigram index finds."""
    pairs: list[tuple[int, int, float]] = []
    index = ShingleIndex(old, old_indices)
    for j in new_indices:
        for i in index.candidates(new[j]):
            score = similarity(old[i], new[j])
            if score >= threshold:
                pairs.append((i, j, score))
    return pairs


# --- one list of siblings ----------------------------------------------------------------
def align(old: Sequence[Item], new: Sequence[Item], threshold: float = PAIR) -> list[tuple[int, int]]:
    """In-order pairs (old index, new index) of one list of sibling blocks."""
    if not old or not new:
        return []
    old_keys = Counter(item.key for item in old)
    new_keys = Counter(item.key for item in new)
    new_at = {item.key: j for j, item in enumerate(new) if new_keys[item.key] == 1}
    anchors = {i: new_at[item.key] for i, item in enumerate(old)
               if old_keys[item.key] == 1 and item.key in new_at}
    close = _next_in_order(old, new, anchors, threshold, {key for key, n in old_keys.items() if n > 1})
    taken_old = anchors.keys() | {i for i, _j, _score in close}
    taken_new = set(anchors.values()) | {j for _i, j, _score in close}
    old_unpaired = [i for i in range(len(old)) if i not in taken_old]
    new_unpaired = [j for j in range(len(new)) if j not in taken_new]
    # Unique identical pairs weigh most; a similar pair weighs its similarity less LOOSE, so that one
    # close pair outweighs two loose ones across it. The heaviest order-keeping chain of all of them
    # is the alignment; what it leaves out goes to the move pass.
    weighted = [(i, j, ANCHOR) for i, j in anchors.items()]
    weighted += [(i, j, score - LOOSE) for i, j, score in close]
    similar = _scored_pairs(old, new, old_unpaired, new_unpaired, threshold)
    weighted += [(i, j, score - LOOSE) for i, j, score in similar]
    return heaviest_chain(weighted)


def _next_in_order(old: Sequence[Item], new: Sequence[Item], anchors: dict[int, int],
                   threshold: float, repeated: AbstractSet[str] = frozenset()) -> list[tuple[int, int, float]]:
    """Blocks close (similarity ≥ CLOSE) to one of the few old blocks after the partner of the new
    block before: the common case of a lightly edited text, paired without scoring every other block.
    A new block that pairs with none of them (inserted, or moved here) leaves the place as it is.
    An old block whose text is `repeated` is left to the chain: which copy a new block is may only
    show from its neighbours (one of two equal paragraphs edited)."""
    partner_of_new = {j: i for i, j in anchors.items()}
    taken = set(anchors)
    found: list[tuple[int, int, float]] = []
    previous = -1  # the old partner of the last new block paired
    for j in range(len(new)):
        i = partner_of_new.get(j)
        if i is not None:
            previous = i
            continue
        for candidate in range(previous + 1, min(previous + 1 + LOOKAHEAD, len(old))):
            if candidate in taken or old[candidate].key in repeated:
                continue
            score = similarity(old[candidate], new[j])
            if score >= max(CLOSE, threshold):
                found.append((candidate, j, score))
                taken.add(candidate)
                previous = candidate
                break
    return found


def _greedy(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs, best score first."""
    chosen: list[tuple[int, int, float]] = []
    seen_old: set[int] = set()
    seen_new: set[int] = set()
    for i, j, score in sorted(pairs, key=lambda p: (-p[2], p[0], p[1])):
        if i not in seen_old and j not in seen_new:
            chosen.append((i, j, score))
            seen_old.add(i)
            seen_new.add(j)
    return chosen


def greedy_pairs(old: Sequence[Item], new: Sequence[Item], old_indices: list[int], new_indices: list[int],
                 threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs of the two index lists, in any order, best similarity first."""
    return [(i, j) for i, j, _s in _greedy(_scored_pairs(old, new, old_indices, new_indices, threshold))]


def match_moves(old: Sequence[Item], new: Sequence[Item],
                check: Callable[[], None] = _go_on) -> list[tuple[int, int]]:
    """Leftovers that match across gaps: identical (and unique), or, with ≥ 3 words, word-Jaccard ≥ 0.8
    (moved) or word similarity ≥ 0.55 (moved and edited: clearly more than the 0.5 of a pair in place,
    as a paragraph out of place has only its words to show it is the same). `check` is called at every
    new item (it may raise to stop the search)."""
    pairs: list[tuple[int, int, float]] = []
    old_keys = Counter(item.key for item in old)
    new_keys = Counter(item.key for item in new)
    exact_new = {item.key: j for j, item in enumerate(new)}
    for i, item in enumerate(old):
        if old_keys[item.key] == 1 and new_keys[item.key] == 1:
            pairs.append((i, exact_new[item.key], 2.0))
    index = ShingleIndex(old, range(len(old)), check)
    for j, item in enumerate(new):
        check()
        if item.size < MOVE_MIN_WORDS:
            continue
        for i in index.candidates(item):
            if old[i].size >= MOVE_MIN_WORDS:
                score = jaccard(old[i], item)
                if score >= MOVE_JACCARD or similarity(old[i], item) >= MOVE_EDITED:
                    pairs.append((i, j, score))
    return [(i, j) for i, j, _score in _greedy(pairs)]


# --- splits and merges ------------------------------------------------------------------
@dataclass
class Regroup:
    """A split (one old, two new) or a merge (two old, one new), by indexes in the sibling lists."""

    old: tuple[int, ...]
    new: tuple[int, ...]


def _joins(whole: Item, first: Item, second: Item) -> bool:
    """Whether `whole` reads as `first` followed by `second`, clearly better than as either alone.

    Both parts must come mostly (60 %) from the whole, and the lesser part must add at least half
    of its own words to what the better part covers. Together they cover at least 80 % of the
    whole; or half of it when the whole took one part in entirely (90 %) and most of the other
    (75 %) and added clauses of its own (S/2018/257 PP14 + PP16 → S/2019/266 PP14).
    """
    if first.heading or second.heading or whole.heading or min(first.size, second.size) < 2:
        return False
    if whole.size < 4:
        return False
    # Each word of one side missing from the other takes at least one token out of their overlap:
    # bounds from the sets of words alone, which turn most candidates down before any counting.
    if (whole.size - len(whole.vocabulary - first.vocabulary - second.vocabulary) < COVER_ABSORBED * whole.size
            or (first.size - len(first.vocabulary - whole.vocabulary)) / first.size < PART_INSIDE
            or (second.size - len(second.vocabulary - whole.vocabulary)) / second.size < PART_INSIDE):
        return False
    return _joined_well(whole, first, second)


def _joined_well(whole: Item, first: Item, second: Item) -> bool:
    """The rule of `_joins`, counting words."""
    inside = sorted((containment(first.bag, whole.bag), containment(second.bag, whole.bag)))
    if inside[0] < PART_INSIDE:
        return False
    single = max(_overlap(whole.bag, first.bag), _overlap(whole.bag, second.bag))
    joined = _overlap(whole.bag, first.bag + second.bag)
    absorbed = inside[0] >= MOSTLY_INSIDE and inside[1] >= WHOLLY_INSIDE
    cover = COVER_ABSORBED if absorbed else COVER
    return joined >= cover * whole.size and joined - single >= max(2, 0.5 * min(first.size, second.size))


def _gap(matches: list[tuple[int, int]], first: int, second: int, size: int) -> range:
    """The other side's indexes strictly between the partners of the matches around first..second."""
    low, high = -1, size
    for mine, theirs in matches:
        if mine < first:
            low = max(low, theirs)
        elif mine > second:
            high = min(high, theirs)
    return range(low + 1, high)


def _regroup_side(whole: Sequence[Item], parts: Sequence[Item], matches: list[tuple[int, int]],
                  used_whole: set[int], used_parts: set[int],
                  check: Callable[[], None]) -> list[tuple[int, int, int]]:
    """(whole index, part index, later part index) where one whole reads as two parts, adjacent or with
    one block between that is matched to nothing here (it moved away, or went)."""
    to_whole = {p: w for w, p in matches}
    to_part = dict(matches)
    by_part = sorted((p, w) for w, p in matches)
    found: list[tuple[int, int, int]] = []
    for first in range(len(parts) - 1):
        check()
        seconds = [first + 1]
        if first + 2 < len(parts) and first + 1 not in to_whole and first + 1 not in used_parts:
            seconds.append(first + 2)
        for second in seconds:
            if first in used_parts or second in used_parts or (first in to_whole and second in to_whole):
                continue
            if first in to_whole or second in to_whole:
                candidates = [to_whole[first if first in to_whole else second]]
            else:  # in the gap between their neighbours' partners first, then a few places off it (moved too)
                gap = _gap(by_part, first, second, len(whole))
                near = range(max(0, gap.start - REGROUP_NEAR), min(len(whole), gap.stop + REGROUP_NEAR))
                candidates = [w for w in gap if w not in to_part]
                candidates += [w for w in near if w not in to_part and w not in gap]
            for cand in candidates:
                if cand not in used_whole and _joins(whole[cand], parts[first], parts[second]):
                    used_whole.add(cand)
                    used_parts.update((first, second))
                    found.append((cand, first, second))
                    break
    return found


def find_regroups(old: Sequence[Item], new: Sequence[Item], matches: list[tuple[int, int]],
                  check: Callable[[], None] = _go_on) -> tuple[list[tuple[int, int]], list[Regroup]]:
    """Splits and merges in one sibling list; returns the matches that remain and the regroupings.
    `check` is called at every part tried (it may raise to stop the search)."""
    if not old or not new:
        return matches, []
    used_old: set[int] = set()
    used_new: set[int] = set()
    regroups = [Regroup((i,), (j, k)) for i, j, k in _regroup_side(old, new, matches, used_old, used_new, check)]
    flipped = [(j, i) for i, j in matches]
    regroups += [Regroup((i, k), (j,)) for j, i, k in _regroup_side(new, old, flipped, used_new, used_old, check)]
    remaining = [(i, j) for i, j in matches if i not in used_old and j not in used_new]
    return remaining, regroups
