package org.staffpass.cli.demo.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.staffpass.passport.vocab.GradeCode;

/**
 * Who applies for a vacant shift in the demo: workers whose grade is in the shift's range on
 * the policy's grade ladder and who list its specialty, who are not already working at that
 * time, in a seeded random order, at most {@code limit}. This models the bank's notification
 * list and a worker's own diary, not eligibility: applicants are then verified and decided in
 * full, and many are refused (too little rest, lapsed training, a revoked DBS ...).
 */
final class Applicants {
    private final List<SyntheticRegion.RegionWorker> workers;

    Applicants(List<SyntheticRegion.RegionWorker> workers) {
        this.workers = List.copyOf(workers);
    }

    /**
     * Up to {@code limit} applicants for {@code shift}, in the order the bank offers them the
     * shift; {@code busy} says whether a worker already works at that time.
     */
    List<SyntheticRegion.RegionWorker> forShift(ShiftPlan shift, List<GradeCode> ladder, Predicate<WorkerProfile> busy,
            Random random, int limit) {
        int min = ladder.indexOf(shift.minGrade());
        int max = ladder.indexOf(shift.maxGrade());
        List<SyntheticRegion.RegionWorker> matching = new ArrayList<>();
        for (SyntheticRegion.RegionWorker worker : workers) {
            int grade = ladder.indexOf(worker.profile().grade());
            if (grade >= 0 && grade >= min && grade <= max && worker.profile().specialties().contains(shift.specialty())
                    && !busy.test(worker.profile())) {
                matching.add(worker);
            }
        }
        Collections.shuffle(matching, random);
        return List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
    }
}
