package kr.chamyeo.governance.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a programme's budget (소요예산) adds up, as the seeds write it: a line with a unit price is the unit price times
 * its quantities (산출내역 "강사비 210,000 원 × 17 명 × 2 회 = 7,140"), and the lines, when the source lists them,
 * add up to the total (seed 003: 7,140 + 850 + 2,550 = 10,540천원). A source that gives only a total has no lines.
 */
public final class BudgetLines {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** One line in whole won; {@code unitPrice} and {@code quantities} only where the source shows the calculation. */
    public record Line(String category, String item, Long unitPrice, String quantities, long amount) {
    }

    private BudgetLines() {
    }

    /** The product of the numbers in {@code "17명 × 2회"} (34); 1 without quantities. */
    static long quantity(String quantities) {
        long product = 1;
        if (quantities != null) {
            Matcher m = NUMBER.matcher(quantities);
            while (m.find()) {
                product = Math.multiplyExact(product, Long.parseLong(m.group()));
            }
        }
        return product;
    }

    /** What does not add up: each line whose calculation differs from its amount, and listed lines that miss the total. */
    public static List<String> problems(long total, List<Line> lines) {
        List<String> problems = new ArrayList<>();
        long sum = 0;
        for (Line line : lines) {
            if (line.unitPrice() != null && Math.multiplyExact(line.unitPrice(), quantity(line.quantities())) != line.amount()) {
                problems.add(line.item() + ": " + line.unitPrice() + " × " + line.quantities() + " = "
                        + line.unitPrice() * quantity(line.quantities()) + ", not " + line.amount());
            }
            sum += line.amount();
        }
        if (!lines.isEmpty() && sum != total) {
            problems.add("lines add up to " + sum + ", not the total " + total);
        }
        return problems;
    }

    /** Subtotals per category (편성목·구분), in the order the categories first appear. */
    public static Map<String, Long> byCategory(List<Line> lines) {
        Map<String, Long> subtotals = new LinkedHashMap<>();
        for (Line line : lines) {
            subtotals.merge(line.category(), line.amount(), Long::sum);
        }
        return subtotals;
    }
}
