package dev.portdeck.tui.dashboard.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which columns fit in a width and how wide each one is: the least important go first, the flexible take the rest. */
public record ColumnLayout(int[] indexes, int[] widths) {

    public static final int GAP = 1;

    public static ColumnLayout fit(List<Column> columns, int width) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            kept.add(i);
        }
        while (needed(columns, kept) > width && dropOne(columns, kept)) {
            // keep dropping the least important column until the rest fits
        }
        int[] idx = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] w = Arrays.stream(idx).map(i -> columns.get(i).width()).toArray();
        int spare = width - needed(columns, kept);
        spare = grow(columns, idx, w, spare, false);
        grow(columns, idx, w, spare, true);
        return new ColumnLayout(idx, w);
    }

    /** One column at a time, so every flexible column (of this kind) gets its share; returns what is left. */
    private static int grow(List<Column> columns, int[] idx, int[] w, int spare, boolean last) {
        boolean grew = true;
        while (spare > 0 && grew) {
            grew = false;
            for (int k = 0; k < idx.length && spare > 0; k++) {
                Column c = columns.get(idx[k]);
                if (c.flexible() && c.last() == last && w[k] < c.max()) {
                    w[k]++;
                    spare--;
                    grew = true;
                }
            }
        }
        return spare;
    }

    private static int needed(List<Column> columns, List<Integer> kept) {
        return kept.stream().mapToInt(i -> columns.get(i).width()).sum() + GAP * Math.max(0, kept.size() - 1);
    }

    private static boolean dropOne(List<Column> columns, List<Integer> kept) {
        Integer worst = null;
        for (Integer i : kept) {
            int drop = columns.get(i).drop();
            if (drop > 0 && (worst == null || drop > columns.get(worst).drop())) {
                worst = i;
            }
        }
        return worst != null && kept.remove(worst);
    }

    boolean shows(int column) {
        return Arrays.stream(indexes).anyMatch(i -> i == column);
    }
}
