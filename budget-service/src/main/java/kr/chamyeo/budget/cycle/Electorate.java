package kr.chamyeo.budget.cycle;

import jakarta.persistence.Embeddable;

/**
 * One electorate (투표 채널) of a cycle's 총회: its own ballot at voting-service, whose voters are who voting-service
 * admits with the required role (RESIDENT: residents of the cycle's district, COMMITTEE: its committee members) and
 * age limits, and its weight in percent of the decision.
 */
@Embeddable
public class Electorate {

    /** The two electorates of a cycle created without a list: 주민 엠보팅 and 위원 투표. */
    public static final String RESIDENTS = "RESIDENTS";
    public static final String COMMITTEE = "COMMITTEE";

    public String code;
    public String name;
    public int weight;
    public String requiredRole;
    public Integer minAge;
    public Integer maxAge;

    public Electorate() {
    }

    public Electorate(String code, String name, int weight, String requiredRole, Integer minAge, Integer maxAge) {
        this.code = code;
        this.name = name;
        this.weight = weight;
        this.requiredRole = requiredRole;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** The English word the explanations use: the two default electorates by name, any other by its code. */
    public String english() {
        return switch (code) {
            case RESIDENTS -> "residents";
            case COMMITTEE -> "committee members";
            default -> code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
