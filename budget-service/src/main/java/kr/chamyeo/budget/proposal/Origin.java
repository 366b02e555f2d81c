package kr.chamyeo.budget.proposal;

/** 주민참여형 (a resident's own proposal), 일반참여형/공론화 (absorbed from another channel by the district), or the youth council's. */
public enum Origin {
    RESIDENT, ABSORBED,
    /** Adopted by Seoul's youth council (청년의회) and proposed to the city (청년자율예산제), with its priority. */
    YOUTH_COUNCIL
}
