package org.staffpass.passport.credential;

import java.time.Clock;
import java.util.List;
import java.util.Random;

/** Public access to this package's samples and generators for tests in other packages. */
public final class TestCredentials {
    private TestCredentials() {
    }

    /** The instant every sample and generated credential is valid at. */
    public static Clock clock() {
        return Samples.CLOCK;
    }

    /** The shared validator at {@link #clock()}. */
    public static CredentialValidator validator() {
        return Samples.validator();
    }

    /** One valid, complete credential of each type. */
    public static List<Credential> all() {
        return Samples.all();
    }

    /** A valid DBS check. */
    public static DbsCheck dbs() {
        return Samples.dbs();
    }

    /** A valid GMC registration. */
    public static ProfessionalRegistration registration() {
        return Samples.registration();
    }

    /** A valid mandatory-training record. */
    public static MandatoryTraining training() {
        return Samples.training();
    }

    /** A random valid, complete credential of any type. */
    public static Credential any(Random random) {
        return Generators.any(random);
    }
}
