package kr.chamyeo.budget.cycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import kr.chamyeo.platform.district.SeoulDistricts;

/** Bean-validation rule: a cycle's owner is a district or Seoul itself (see {@link CityCycle}). Null is left to @NotNull. */
@Documented
@Constraint(validatedBy = CycleOwner.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CycleOwner {
    String message() default "must be one of Seoul's 25 district codes (e.g. 11545 금천구) or 11000 (Seoul, city-level youth budget)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CycleOwner, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SeoulDistricts.isDistrict(value) || CityCycle.isCity(value);
        }
    }
}
