package kr.chamyeo.platform.district;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean-validation rule: the value is one of Seoul's 25 standard district codes (null is left to @NotNull), or, where
 * {@link #orCity()}, the city's own code 11000 (서울특별시) for what the city itself runs.
 */
@Documented
@Constraint(validatedBy = DistrictCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistrictCode {
    String message() default "must be one of Seoul's 25 district codes (e.g. 11545 금천구)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether 11000, the city itself, is accepted too. */
    boolean orCity() default false;

    class Validator implements ConstraintValidator<DistrictCode, String> {
        private boolean orCity;

        @Override
        public void initialize(DistrictCode annotation) {
            orCity = annotation.orCity();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SeoulDistricts.isDistrict(value) || (orCity && SeoulDistricts.SEOUL_CITY.equals(value));
        }
    }
}
