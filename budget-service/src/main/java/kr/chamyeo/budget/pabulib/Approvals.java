package kr.chamyeo.budget.pabulib;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A voter's approved project ids in the file's order, as one array of the ids the reader holds once: a file of a
 * million votes keeps a million of these, where a LinkedHashSet each cost some 400 bytes more. The reader has already
 * refused duplicates; the set cannot change.
 */
final class Approvals extends AbstractSet<String> {

    private final String[] ids;

    Approvals(String[] ids) {
        this.ids = ids;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(ids).iterator();
    }

    @Override
    public int size() {
        return ids.length;
    }
}
