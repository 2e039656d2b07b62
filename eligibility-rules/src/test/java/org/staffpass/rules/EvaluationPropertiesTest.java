package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.testing.Property;

/** Properties of Policy.evaluate over random workers and shifts of the example policy. */
class EvaluationPropertiesTest {
    static Decision decide(Properties.Scenario sc, Optional<BreakGlass> breakGlass) {
        return breakGlass.isPresent()
                ? sc.policy().evaluate(sc.facts(), sc.shift(), WorkHistory.empty(), sc.at(), breakGlass.get())
                : sc.policy().evaluate(sc.facts(), sc.shift(), WorkHistory.empty(), sc.at());
    }

    @Test
    void evaluationIsDeterministicAndSurvivesTheFactsFile() {
        Property.forAll("deterministic", Properties::scenario, sc -> {
            Decision first = decide(sc, Optional.empty());
            assertEquals(first, decide(sc, Optional.empty()));
            PassportFacts reread = ((PassportFacts.Parsed) PassportFacts.parse(sc.facts().toJson(), Workers.validator())).facts();
            assertEquals(first, sc.policy().evaluate(reread, sc.shift(), WorkHistory.empty(), sc.at()));
        });
    }

    @Test
    void addingAValidInDateCredentialNeverMakesAnEligibleWorkerIneligible() {
        AtomicInteger eligible = new AtomicInteger();
        Property.forAll("monotone in credentials", random -> {
            Properties.Scenario full = Properties.scenario(random);
            PassportFacts fewer = full.facts();
            List<CredentialType> types = new ArrayList<>(fewer.credentials().keySet());
            CredentialType added = types.get(random.nextInt(types.size()));
            for (CredentialType t : types) {
                if (t == added || random.nextInt(4) == 0) {
                    fewer = Workers.without(fewer, t);
                }
            }
            PassportFacts more = fewer;
            more = new PassportFacts(more.holderKeyThumbprint(), with(more, full.facts(), added));
            return new Properties.Scenario[] {new Properties.Scenario(full.policy(), fewer, full.shift(), full.at()),
                    new Properties.Scenario(full.policy(), more, full.shift(), full.at())};
        }, pair -> {
            Decision before = decide(pair[0], Optional.empty());
            Decision after = decide(pair[1], Optional.empty());
            if (before.outcome() == Outcome.ELIGIBLE) {
                eligible.incrementAndGet();
                assertNotEquals(Outcome.INELIGIBLE, after.outcome(), after.findings().toString());
            }
        });
        // Against the policy without required credentials, so that subsets can be eligible at all.
        Policy lenient = FamiliesTest.variant("\"required\": [\"IDENTITY_VERIFICATION\", \"RIGHT_TO_WORK\", \"PROFESSIONAL_REGISTRATION\", \"DBS_CHECK\",\n                   \"OCCUPATIONAL_HEALTH\", \"MANDATORY_TRAINING\", \"GRADE\"]", "\"required\": [\"GRADE\"]");
        Property.forAll("monotone in credentials, lenient policy", random -> {
            Properties.Scenario sc = Properties.scenario(random);
            CredentialType added = List.of(CredentialType.values()).get(random.nextInt(CredentialType.values().length));
            return new Properties.Scenario[] {new Properties.Scenario(lenient, Workers.without(sc.facts(), added), sc.shift(), sc.at()),
                    new Properties.Scenario(lenient, sc.facts(), sc.shift(), sc.at())};
        }, pair -> {
            Decision before = decide(pair[0], Optional.empty());
            if (before.outcome() == Outcome.ELIGIBLE) {
                eligible.incrementAndGet();
                assertNotEquals(Outcome.INELIGIBLE, decide(pair[1], Optional.empty()).outcome());
            }
        });
        assertTrue(eligible.get() > 0, "some generated cases were eligible before the credential was added");
    }

    private static java.util.Map<CredentialType, PassportFacts.CredentialFacts> with(PassportFacts base, PassportFacts from,
            CredentialType type) {
        java.util.Map<CredentialType, PassportFacts.CredentialFacts> map = new java.util.EnumMap<>(CredentialType.class);
        map.putAll(base.credentials());
        map.put(type, from.credentials().get(type));
        return map;
    }

    /** 0 eligible, 1..n the escalation tier's rank, n+1 break glass, n+2 ineligible. */
    static int level(Decision d, Policy policy) {
        List<Policy.EscalationTier> tiers = policy.rules().rates().orElseThrow().escalation();
        if (d.outcome() == Outcome.INELIGIBLE) {
            return tiers.size() + 2;
        }
        int level = 0;
        for (Approval a : d.approvals()) {
            if (a.recorded().isPresent()) {
                level = Math.max(level, tiers.size() + 1);
            }
            for (int i = 0; i < tiers.size(); i++) {
                if (a.code() == RuleCode.RATE_ESCALATION && a.role().equals(tiers.get(i).role())) {
                    level = Math.max(level, i + 1);
                }
            }
        }
        return level;
    }

    @Test
    void raisingTheOfferedRateNeverLowersTheApprovalNeeded() {
        AtomicInteger distinctLevels = new AtomicInteger();
        Property.forAll("monotone in rate", random -> {
            Properties.Scenario sc = Properties.scenario(random);
            // At or above the floor: below it an offer is refused, so the order starts at the floor.
            int low = 6000 + random.nextInt(30000);
            int high = low + random.nextInt(30000);
            return new Object[] {sc, low, high, Properties.breakGlass(random)};
        }, c -> {
            Properties.Scenario sc = (Properties.Scenario) c[0];
            @SuppressWarnings("unchecked")
            Optional<BreakGlass> bg = (Optional<BreakGlass>) c[3];
            Shift low = sc.shift().withOfferedHourlyRate(BigDecimal.valueOf((Integer) c[1], 2));
            Shift high = sc.shift().withOfferedHourlyRate(BigDecimal.valueOf((Integer) c[2], 2));
            int a = level(decide(new Properties.Scenario(sc.policy(), sc.facts(), low, sc.at()), bg), sc.policy());
            int b = level(decide(new Properties.Scenario(sc.policy(), sc.facts(), high, sc.at()), bg), sc.policy());
            assertTrue(a <= b, "level " + a + " at " + low.offeredHourlyRate() + " but " + b + " at " + high.offeredHourlyRate());
            if (a != b) {
                distinctLevels.incrementAndGet();
            }
        });
        assertTrue(distinctLevels.get() > 0, "some generated pairs crossed a tier");
    }
}
