package org.staffpass.passport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.Specialty;

/**
 * The claim names are the record components in snake_case, and a claim is optional exactly
 * when its component is an {@link Optional}: that is what lets a validation path name a
 * claim. Also: every constraint on the records has a problem code.
 */
class ClaimNamesTest {
    /** Nested shapes and the records they carry. */
    static final Map<String, Class<? extends Record>> NESTED = Map.of(
            "annotation", ProfessionalRegistration.RegistrationAnnotation.class,
            "statusCheck", DbsCheck.StatusCheck.class,
            "immunisation", OccupationalHealth.Immunisation.class,
            "trainingRecord", MandatoryTraining.TrainingRecord.class,
            "lifeSupportCertificate", Specialty.LifeSupportCertificate.class,
            "competency", Specialty.Competency.class,
            "placement", Employment.Placement.class);

    private static void assertShapeMatches(ClaimShape shape, Class<?> record) {
        List<String> names = new ArrayList<>();
        Set<String> required = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = ViolationMapper.snakeCase(component.getName());
            names.add(name);
            if (component.getType() != Optional.class) {
                required.add(name);
            }
        }
        assertEquals(names, shape.members(), shape.name() + " members, in record order");
        assertEquals(required, shape.required(), shape.name() + " required");
    }

    static List<Class<?>> allRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (CredentialType type : CredentialType.values()) {
            records.add(type.recordType());
        }
        records.addAll(NESTED.values());
        return records;
    }

    @Test
    void claimNamesAreComponentNamesInSnakeCase() {
        Set<String> nestedSeen = new java.util.HashSet<>();
        for (CredentialType type : CredentialType.values()) {
            CredentialCodec<?> codec = Codecs.of(type);
            assertEquals(type, codec.type());
            assertEquals(type.recordType(), codec.recordType());
            assertShapeMatches(codec.shape(), type.recordType());
            for (ClaimShape nested : codec.nestedShapes()) {
                assertTrue(NESTED.containsKey(nested.name()), nested.name());
                assertShapeMatches(nested, NESTED.get(nested.name()));
                nestedSeen.add(nested.name());
            }
        }
        assertEquals(NESTED.keySet(), nestedSeen);
    }

    @Test
    void snakeCase() {
        assertEquals("registration_number", ViolationMapper.snakeCase("registrationNumber"));
        assertEquals("birthdate", ViolationMapper.snakeCase("birthdate"));
    }

    @Test
    void everyConstraintOnTheRecordsHasAProblemCode() {
        Validator validator = Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator())).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (Class<?> record : allRecords()) {
            BeanDescriptor bean = validator.getConstraintsForClass(record);
            bean.getConstraintDescriptors().forEach(d -> check(d, record.getSimpleName(), seen));
            for (PropertyDescriptor property : bean.getConstrainedProperties()) {
                property.getConstraintDescriptors().forEach(d -> check(d, record.getSimpleName() + "." + property.getPropertyName(), seen));
                checkContainers(property.getConstrainedContainerElementTypes(), record.getSimpleName(), seen);
            }
        }
        // The walk is not vacuous: it saw the built-ins and ours.
        assertTrue(seen.containsAll(Set.of(jakarta.validation.constraints.Size.class, jakarta.validation.constraints.Pattern.class,
                jakarta.validation.constraints.PastOrPresent.class, jakarta.validation.constraints.NotNull.class,
                org.staffpass.passport.credential.Known.class, org.staffpass.passport.credential.CredentialRules.class)), seen.toString());
    }

    private static void checkContainers(Set<ContainerElementTypeDescriptor> containers, String where, Set<Class<?>> seen) {
        for (ContainerElementTypeDescriptor container : containers) {
            container.getConstraintDescriptors().forEach(d -> check(d, where + "<>", seen));
            checkContainers(container.getConstrainedContainerElementTypes(), where, seen);
        }
    }

    private static void check(ConstraintDescriptor<?> descriptor, String where, Set<Class<?>> seen) {
        Class<? extends java.lang.annotation.Annotation> type = descriptor.getAnnotation().annotationType();
        seen.add(type);
        assertTrue(ViolationMapper.mapped(type), where + ": @" + type.getSimpleName() + " has no problem code");
    }
}
