package kr.chamyeo.budget.assembly;

/** The two ballots of a 총회: residents (주민 엠보팅) and committee members (주민참여예산위원 투표). */
public enum Electorate {
    RESIDENTS, COMMITTEE
}
