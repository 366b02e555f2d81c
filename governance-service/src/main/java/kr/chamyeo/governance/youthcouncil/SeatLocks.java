package kr.chamyeo.governance.youthcouncil;

/**
 * Two officers seating the last free seat at once would both count one seat open; a transaction-scoped lock per
 * body and year makes the count and the insert one step.
 */
final class SeatLocks {

    private SeatLocks() {
    }

    /** Holds the seats of {@code body} in {@code year} until the caller's transaction ends. */
    static void lock(String body, int year) {
        CouncilMember.getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1), ?2)) l")
                .setParameter(1, body).setParameter(2, year).getSingleResult();
    }
}
