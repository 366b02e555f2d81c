package kr.chamyeo.sample.circle.a;

import kr.chamyeo.sample.circle.b.B;

/** One half of a planted circle between two features (ServiceArchitectureTest). */
public class A {
    public B partner() {
        return new B();
    }
}
