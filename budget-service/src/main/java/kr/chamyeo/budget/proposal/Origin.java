package kr.chamyeo.budget.proposal;

/** 주민참여형 (a resident's own proposal) or 일반참여형/공론화 (absorbed from another channel by the district). */
public enum Origin {
    RESIDENT, ABSORBED
}
