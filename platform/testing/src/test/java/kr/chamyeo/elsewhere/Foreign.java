package kr.chamyeo.elsewhere;

/** Stands for another service's code in ServiceArchitectureTest. */
public class Foreign {
    public static final String NAME = "foreign";
}
