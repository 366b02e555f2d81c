package kr.chamyeo.governance;

import java.io.Serializable;
import java.util.Objects;

/** The key of the per-year, per-district records ({@code @IdClass}): entities with {@code @Id int year} and {@code @Id String district}. */
public class YearAndDistrict implements Serializable {

    public int year;
    public String district;

    @Override
    public boolean equals(Object o) {
        return o instanceof YearAndDistrict k && year == k.year && Objects.equals(district, k.district);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, district);
    }
}
