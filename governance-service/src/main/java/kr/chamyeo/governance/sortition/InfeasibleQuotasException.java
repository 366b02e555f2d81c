package kr.chamyeo.governance.sortition;

import java.util.List;

/** No panel meets the quotas; {@code conflicting} is a minimal set of quota bounds that cannot hold together. */
public class InfeasibleQuotasException extends RuntimeException {

    private final List<String> conflicting;

    public InfeasibleQuotasException(String reason, List<String> conflicting) {
        super(reason);
        this.conflicting = List.copyOf(conflicting);
    }

    public List<String> conflicting() {
        return conflicting;
    }
}
