package kr.chamyeo.platform.security;

/** JWT {@code groups} values understood by every service. */
public final class Roles {
    /** 주민: creates and reads their own things and public data. */
    public static final String RESIDENT = "RESIDENT";
    /** 위원: committee member of one district (e.g. 주민참여예산위원회). */
    public static final String COMMITTEE = "COMMITTEE";
    /** 담당 공무원: acts only inside their district. */
    public static final String OFFICER = "OFFICER";
    /** 서울시 관리자: may do everything. */
    public static final String CITY_ADMIN = "CITY_ADMIN";
    /** A district's own system: reads its district's data, submits absorbed proposals. */
    public static final String PARTNER = "PARTNER";

    private Roles() {
    }
}
