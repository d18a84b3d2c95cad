"""Diff-match-patch's diff with no timeout, with less interpreter overhead.

`diff_main`, `diff_bisect` and `diff_cleanupMerge` are the library's own algorithms, step for
step (so the diffs are the library's, to the character), without what a run with no deadline and
no line mode never uses: the clock checks, the half-match (which the library skips when there is
no timeout) and the line-mode pass. The rest of the library (`diff_cleanupSemantic`) is inherited
and calls the faster `diff_cleanupMerge`.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

Diffs = list[tuple[int, str]]

_DELETE, _INSERT, _EQUAL = -1, 1, 0


def common_prefix(text1: str, text2: str) -> int:
    """The length of the common start of two strings."""
    if not text1 or not text2 or text1[0] != text2[0]:
        return 0
    low, high = 0, min(len(text1), len(text2))
    mid = high
    start = 0
    while low < mid:
        if text1[start:mid] == text2[start:mid]:
            low = mid
            start = low
        else:
            high = mid
        mid = (high - low) // 2 + low
    return mid


def common_suffix(text1: str, text2: str) -> int:
    """The length of the common end of two strings."""
    if not text1 or not text2 or text1[-1] != text2[-1]:
        return 0
    length1, length2 = len(text1), len(text2)
    low, high = 0, min(length1, length2)
    mid = high
    end = 0
    while low < mid:
        if text1[length1 - mid:length1 - end] == text2[length2 - mid:length2 - end]:
            low = mid
            end = low
        else:
            high = mid
        mid = (high - low) // 2 + low
    return mid


class FastDiff(diff_match_patch):
    """A diff_match_patch whose diff runs with no timeout (`Diff_Timeout` is 0)."""

    def __init__(self) -> None:
        super().__init__()
        self.Diff_Timeout = 0

    def diff_main(self, text1: str, text2: str, checklines: bool = True,
                  deadline: float | None = None) -> Diffs:
        if text1 == text2:
            return [(_EQUAL, text1)] if text1 else []
        length = common_prefix(text1, text2)
        prefix = text1[:length]
        if length:
            text1 = text1[length:]
            text2 = text2[length:]
        length = common_suffix(text1, text2)
        suffix = ""
        if length:
            suffix = text1[-length:]
            text1 = text1[:-length]
            text2 = text2[:-length]
        diffs = self._compute(text1, text2)
        if prefix:
            diffs.insert(0, (_EQUAL, prefix))
        if suffix:
            diffs.append((_EQUAL, suffix))
        self.diff_cleanupMerge(diffs)
        return diffs

    def _compute(self, text1: str, text2: str) -> Diffs:
        if not text1:
            return [(_INSERT, text2)]
        if not text2:
            return [(_DELETE, text1)]
        if len(text1) > len(text2):
            longtext, shorttext = text1, text2
        else:
            shorttext, longtext = text1, text2
        i = longtext.find(shorttext)
        if i != -1:
            edit = _DELETE if len(text1) > len(text2) else _INSERT
            return [(edit, longtext[:i]), (_EQUAL, shorttext), (edit, longtext[i + len(shorttext):])]
        if len(shorttext) == 1:
            return [(_DELETE, text1), (_INSERT, text2)]
        # no half-match with no timeout, and no line mode
        return self.diff_bisect(text1, text2, 0)

    def diff_bisect(self, text1: str, text2: str, deadline: float) -> Diffs:
        """The middle snake of Myers' O(ND) algorithm, then each side diffed on its own."""
        length1 = len(text1)
        length2 = len(text2)
        max_d = (length1 + length2 + 1) // 2
        v_offset = max_d
        v_length = 2 * max_d
        v1 = [-1] * v_length
        v1[v_offset + 1] = 0
        v2 = v1[:]
        delta = length1 - length2
        front = delta % 2 != 0
        k1start = k1end = k2start = k2end = 0
        for d in range(max_d):
            for k1 in range(-d + k1start, d + 1 - k1end, 2):
                k1_offset = v_offset + k1
                if k1 == -d or (k1 != d and v1[k1_offset - 1] < v1[k1_offset + 1]):
                    x1 = v1[k1_offset + 1]
                else:
                    x1 = v1[k1_offset - 1] + 1
                y1 = x1 - k1
                while x1 < length1 and y1 < length2 and text1[x1] == text2[y1]:
                    x1 += 1
                    y1 += 1
                v1[k1_offset] = x1
                if x1 > length1:
                    k1end += 2
                elif y1 > length2:
                    k1start += 2
                elif front:
                    k2_offset = v_offset + delta - k1
                    if (0 <= k2_offset < v_length and v2[k2_offset] != -1
                            and x1 >= length1 - v2[k2_offset]):
                        return self._split(text1, text2, x1, y1)
            for k2 in range(-d + k2start, d + 1 - k2end, 2):
                k2_offset = v_offset + k2
                if k2 == -d or (k2 != d and v2[k2_offset - 1] < v2[k2_offset + 1]):
                    x2 = v2[k2_offset + 1]
                else:
                    x2 = v2[k2_offset - 1] + 1
                y2 = x2 - k2
                while x2 < length1 and y2 < length2 and text1[-x2 - 1] == text2[-y2 - 1]:
                    x2 += 1
                    y2 += 1
                v2[k2_offset] = x2
                if x2 > length1:
                    k2end += 2
                elif y2 > length2:
                    k2start += 2
                elif not front:
                    k1_offset = v_offset + delta - k2
                    if 0 <= k1_offset < v_length and v1[k1_offset] != -1:
                        x1 = v1[k1_offset]
                        y1 = v_offset + x1 - k1_offset
                        if x1 >= length1 - x2:
                            return self._split(text1, text2, x1, y1)
        return [(_DELETE, text1), (_INSERT, text2)]

    def _split(self, text1: str, text2: str, x: int, y: int) -> Diffs:
        return self.diff_main(text1[:x], text2[:y], False) + self.diff_main(text1[x:], text2[y:], False)

    def diff_cleanupMerge(self, diffs: Diffs) -> None:
        """Reorder and merge like edit sections, merge equalities, and shift single edits sideways
        to take out an equality (the library's passes, the same way)."""
        while True:
            diffs.append((_EQUAL, ""))
            pointer = 0
            count_delete = count_insert = 0
            text_delete = text_insert = ""
            while pointer < len(diffs):
                op, text = diffs[pointer]
                if op == _INSERT:
                    count_insert += 1
                    text_insert += text
                    pointer += 1
                elif op == _DELETE:
                    count_delete += 1
                    text_delete += text
                    pointer += 1
                else:
                    if count_delete + count_insert > 1:
                        if count_delete and count_insert:
                            length = common_prefix(text_insert, text_delete)
                            if length:
                                x = pointer - count_delete - count_insert - 1
                                if x >= 0 and diffs[x][0] == _EQUAL:
                                    diffs[x] = (_EQUAL, diffs[x][1] + text_insert[:length])
                                else:
                                    diffs.insert(0, (_EQUAL, text_insert[:length]))
                                    pointer += 1
                                text_insert = text_insert[length:]
                                text_delete = text_delete[length:]
                            length = common_suffix(text_insert, text_delete)
                            if length:
                                diffs[pointer] = (diffs[pointer][0], text_insert[-length:] + diffs[pointer][1])
                                text_insert = text_insert[:-length]
                                text_delete = text_delete[:-length]
                        new_ops: Diffs = []
                        if text_delete:
                            new_ops.append((_DELETE, text_delete))
                        if text_insert:
                            new_ops.append((_INSERT, text_insert))
                        pointer -= count_delete + count_insert
                        diffs[pointer:pointer + count_delete + count_insert] = new_ops
                        pointer += len(new_ops) + 1
                    elif pointer != 0 and diffs[pointer - 1][0] == _EQUAL:
                        diffs[pointer - 1] = (diffs[pointer - 1][0], diffs[pointer - 1][1] + text)
                        del diffs[pointer]
                    else:
                        pointer += 1
                    count_insert = count_delete = 0
                    text_delete = text_insert = ""
            if diffs[-1][1] == "":
                diffs.pop()
            changes = False
            pointer = 1
            while pointer < len(diffs) - 1:
                before_op, before = diffs[pointer - 1]
                after_op, after = diffs[pointer + 1]
                if before_op == _EQUAL and after_op == _EQUAL:
                    op, text = diffs[pointer]
                    if text.endswith(before):
                        if before != "":
                            diffs[pointer] = (op, before + text[:-len(before)])
                            diffs[pointer + 1] = (after_op, before + after)
                        del diffs[pointer - 1]
                        changes = True
                    elif text.startswith(after):
                        diffs[pointer - 1] = (before_op, before + after)
                        diffs[pointer] = (op, text[len(after):] + after)
                        del diffs[pointer + 1]
                        changes = True
                pointer += 1
            if not changes:
                return
