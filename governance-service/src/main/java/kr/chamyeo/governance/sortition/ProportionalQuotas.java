package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns population shares (인구 비례) into count quotas: a value with share s gets between ⌊s·k⌋ and ⌈s·k⌉
 * of the k seats, so the panel mirrors the population as closely as whole people allow.
 */
public final class ProportionalQuotas {

    private ProportionalQuotas() {
    }

    public static List<Quota> of(String feature, Map<String, Double> shares, int panelSize) {
        List<Quota> quotas = new ArrayList<>();
        shares.forEach((value, share) -> {
            double seats = share * panelSize;
            // Guard against 0.35 * 40 = 13.999999 style rounding.
            double rounded = Math.round(seats * 1e9) / 1e9;
            quotas.add(new Quota(feature, value, (int) Math.floor(rounded), (int) Math.ceil(rounded)));
        });
        return quotas;
    }
}
