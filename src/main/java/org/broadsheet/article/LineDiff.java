package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.EditingViews.DiffRow;

/**
 * A side-by-side line diff (longest common subsequence), as editors compare two revisions: unchanged lines
 * face each other, a run of removed lines faces the run of added lines that replaced it.
 */
final class LineDiff {

    /** Beyond this many cells the table is not built, and the texts are shown as wholly replaced. */
    private static final long MAX_CELLS = 16_000_000L;

    private LineDiff() {
    }

    static List<DiffRow> of(List<String> left, List<String> right) {
        int prefix = 0;
        while (prefix < left.size() && prefix < right.size() && left.get(prefix).equals(right.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < left.size() - prefix && suffix < right.size() - prefix
                && left.get(left.size() - 1 - suffix).equals(right.get(right.size() - 1 - suffix))) {
            suffix++;
        }
        List<DiffRow> rows = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            rows.add(new DiffRow("same", i + 1, left.get(i), i + 1, right.get(i)));
        }
        List<String> a = left.subList(prefix, left.size() - suffix);
        List<String> b = right.subList(prefix, right.size() - suffix);
        middle(a, b, prefix, rows);
        for (int k = suffix; k > 0; k--) {
            int i = left.size() - k;
            int j = right.size() - k;
            rows.add(new DiffRow("same", i + 1, left.get(i), j + 1, right.get(j)));
        }
        return rows;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<DiffRow> rows) {
        int n = a.size();
        int m = b.size();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int[] position = {offset, offset};
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            removed.addAll(a);
            added.addAll(b);
            flush(removed, added, position, rows);
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                flush(removed, added, position, rows);
                position[0]++;
                position[1]++;
                rows.add(new DiffRow("same", position[0], a.get(i), position[1], b.get(j)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(b.get(j++));
            } else {
                removed.add(a.get(i++));
            }
        }
        flush(removed, added, position, rows);
    }

    private static void flush(List<String> removed, List<String> added, int[] position, List<DiffRow> rows) {
        int pairs = Math.max(removed.size(), added.size());
        for (int k = 0; k < pairs; k++) {
            String left = k < removed.size() ? removed.get(k) : null;
            String right = k < added.size() ? added.get(k) : null;
            Integer leftNo = left != null ? ++position[0] : null;
            Integer rightNo = right != null ? ++position[1] : null;
            String kind = left != null && right != null ? "changed" : left != null ? "removed" : "added";
            rows.add(new DiffRow(kind, leftNo, left, rightNo, right));
        }
        removed.clear();
        added.clear();
    }
}
