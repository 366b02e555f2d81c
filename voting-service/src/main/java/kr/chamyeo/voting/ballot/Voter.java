package kr.chamyeo.voting.ballot;

import java.util.Set;

/** The token's claims that decide eligibility and feed turnout figures; never stored as such. */
public record Voter(Set<String> roles, String district, String dong, Integer birthYear, String sex) {

    /** Age as Korean public bodies count it for these ballots: current year − birth year. */
    public Integer ageIn(int year) {
        return birthYear == null ? null : year - birthYear;
    }
}
