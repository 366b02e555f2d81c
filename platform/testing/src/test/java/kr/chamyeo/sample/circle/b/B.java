package kr.chamyeo.sample.circle.b;

import kr.chamyeo.sample.circle.a.A;

/** The other half of the planted circle (ServiceArchitectureTest). */
public class B {
    public A partner() {
        return new A();
    }
}
