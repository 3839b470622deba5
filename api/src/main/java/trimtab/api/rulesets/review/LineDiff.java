package trimtab.api.rulesets.review;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two lists of lines ({@code diff -u} format: {@code ---}/{@code +++} names, {@code @@ -a,n +b,m @@}
 * hunks with three lines of context). The shortest edit script is found with Myers' O(ND) algorithm after the
 * common head and tail are set aside; a workbook change touches a few cells, so D is small. Should two files differ
 * in more than {@link #MAX_EDITS} lines, the middle is shown as removed and added whole rather than spend memory on
 * finding a finer script nobody would read.
 */
final class LineDiff {
    static final int CONTEXT = 3;
    static final int MAX_EDITS = 4000;

    private enum Op { SAME, REMOVED, ADDED }

    /** One line of the edit script, with its 0-based index in the old and the new list (-1 where it has none). */
    private record Edit(Op op, int oldIndex, int newIndex, String text) {
    }

    private LineDiff() {
    }

    /** The diff, or the empty string when the lists are equal. */
    static String unified(List<String> before, List<String> after, String beforeName, String afterName) {
        List<Edit> script = script(before, after);
        if (script.stream().allMatch(e -> e.op() == Op.SAME)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(beforeName).append('\n').append("+++ ").append(afterName).append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i; // exclusive end of the hunk: extend while changes are within 2 x CONTEXT of each other
            int lastChange = i;
            for (int j = i; j < script.size(); j++) {
                if (script.get(j).op() != Op.SAME) {
                    lastChange = j;
                } else if (j - lastChange > 2 * CONTEXT) {
                    break;
                }
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            hunk(out, script.subList(start, end), before.size(), after.size());
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> lines, int beforeSize, int afterSize) {
        int oldCount = (int) lines.stream().filter(e -> e.op() != Op.ADDED).count();
        int newCount = (int) lines.stream().filter(e -> e.op() != Op.REMOVED).count();
        int oldStart = lines.stream().filter(e -> e.op() != Op.ADDED).findFirst().map(e -> e.oldIndex() + 1)
                .orElseGet(() -> lineBefore(lines, true));
        int newStart = lines.stream().filter(e -> e.op() != Op.REMOVED).findFirst().map(e -> e.newIndex() + 1)
                .orElseGet(() -> lineBefore(lines, false));
        out.append("@@ -").append(oldStart).append(oldCount == 1 ? "" : "," + oldCount)
                .append(" +").append(newStart).append(newCount == 1 ? "" : "," + newCount).append(" @@\n");
        for (Edit edit : lines) {
            out.append(switch (edit.op()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            }).append(edit.text()).append('\n');
        }
    }

    /** For a hunk with no line on one side, diff -u names the line before it (0 at the start). */
    private static int lineBefore(List<Edit> lines, boolean old) {
        Edit first = lines.get(0);
        return old ? first.oldIndex() : first.newIndex();
    }

    private static List<Edit> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Edit> script = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            script.add(new Edit(Op.SAME, i, i, a.get(i)));
        }
        script.addAll(middle(a, b, head, a.size() - tail, head, b.size() - tail));
        for (int t = tail; t > 0; t--) {
            int oi = a.size() - t;
            int ni = b.size() - t;
            script.add(new Edit(Op.SAME, oi, ni, a.get(oi)));
        }
        // an insertion's old index is where it goes: the old line it precedes (for the hunk header)
        List<Edit> placed = new ArrayList<>(script.size());
        int nextOld = 0;
        int nextNew = 0;
        for (Edit e : script) {
            placed.add(new Edit(e.op(), e.op() == Op.ADDED ? nextOld : e.oldIndex(), e.op() == Op.REMOVED ? nextNew : e.newIndex(), e.text()));
            if (e.op() != Op.ADDED) {
                nextOld = e.oldIndex() + 1;
            }
            if (e.op() != Op.REMOVED) {
                nextNew = e.newIndex() + 1;
            }
        }
        return placed;
    }

    /** Myers' greedy forward search over a[aFrom, aTo) and b[bFrom, bTo), keeping each round's frontier to trace back. */
    private static List<Edit> middle(List<String> a, List<String> b, int aFrom, int aTo, int bFrom, int bTo) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        List<Edit> edits = new ArrayList<>();
        if (n == 0 && m == 0) {
            return edits;
        }
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= Math.min(max, MAX_EDITS) && found < 0; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(aFrom + x).equals(b.get(bFrom + y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
            int[] frontier = new int[2 * d + 1];
            System.arraycopy(v, offset - d, frontier, 0, 2 * d + 1);
            trace.add(frontier);
        }
        if (found < 0) {
            for (int i = aFrom; i < aTo; i++) {
                edits.add(new Edit(Op.REMOVED, i, -1, a.get(i)));
            }
            for (int j = bFrom; j < bTo; j++) {
                edits.add(new Edit(Op.ADDED, -1, j, b.get(j)));
            }
            return edits;
        }
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] previous = trace.get(d - 1);
            int k = x - y;
            boolean down = k == -d || (k != d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
            int previousK = down ? k + 1 : k - 1;
            int previousX = at(previous, d - 1, previousK);
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                x--;
                y--;
                reversed.add(new Edit(Op.SAME, aFrom + x, bFrom + y, a.get(aFrom + x)));
            }
            if (down) {
                y--;
                reversed.add(new Edit(Op.ADDED, -1, bFrom + y, b.get(bFrom + y)));
            } else {
                x--;
                reversed.add(new Edit(Op.REMOVED, aFrom + x, -1, a.get(aFrom + x)));
            }
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            reversed.add(new Edit(Op.SAME, aFrom + x, bFrom + y, a.get(aFrom + x)));
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            edits.add(reversed.get(i));
        }
        return edits;
    }

    /** The x reached on diagonal k in round d's frontier (which spans k = -d..d). */
    private static int at(int[] frontier, int d, int k) {
        return frontier[k + d];
    }
}
