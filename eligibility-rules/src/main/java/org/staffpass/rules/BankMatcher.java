package org.staffpass.rules;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.staffpass.rules.internal.PoolIndex;

/**
 * Finds, for a shift, every worker of a bank's pool whom a policy finds
 * {@link Outcome#ELIGIBLE} or {@link Outcome#NEEDS_APPROVAL}, without evaluating every rule for
 * every worker (docs/policy-language.md, "Bank matching"). Built once per policy and pool: the
 * pool is indexed by grade rank, specialty, the earliest instant a required fact lapses, life
 * support and competencies, registration and employment, and workers who fail a rule that no
 * shift changes are set aside. For a shift only the workers the index cannot rule out are
 * evaluated, with {@link Policy#evaluate(PassportFacts, Shift, WorkHistory, Instant)} itself, so
 * each returned decision is equal to the single evaluator's. Matching never involves a break
 * glass. Immutable and thread-safe after {@link #of}.
 *
 * @since 0.1
 */
public final class BankMatcher {
    private final Policy policy;
    private final List<Worker> workers;
    private final PoolIndex index;

    private BankMatcher(Policy policy, List<Worker> workers) {
        this.policy = policy;
        this.workers = workers;
        List<PassportFacts> facts = new ArrayList<>(workers.size());
        for (Worker w : workers) {
            facts.add(w.facts());
        }
        this.index = new PoolIndex(policy, facts);
    }

    /**
     * Indexes {@code pool} for {@code policy}.
     *
     * @throws IllegalArgumentException if two workers share an id
     */
    public static BankMatcher of(Policy policy, Collection<Worker> pool) {
        Objects.requireNonNull(policy, "policy");
        List<Worker> sorted = new ArrayList<>(Objects.requireNonNull(pool, "pool"));
        sorted.forEach(w -> Objects.requireNonNull(w, "pool: a null worker"));
        sorted.sort(Comparator.comparing(Worker::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("pool: worker id " + sorted.get(i).id() + " appears twice");
            }
        }
        return new BankMatcher(policy, List.copyOf(sorted));
    }

    /** The policy matched against. */
    public Policy policy() {
        return policy;
    }

    /** Number of workers in the pool. */
    public int size() {
        return workers.size();
    }

    /**
     * Every worker whose decision for {@code shift} at {@code at} is eligible or needs approval,
     * in worker-id order ({@link String#compareTo}), each with that decision.
     */
    public List<Match> match(Shift shift, Instant at) {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(at, "at");
        BitSet candidates = index.candidates(shift, at);
        List<Match> out = new ArrayList<>();
        if (candidates.isEmpty()) {
            return List.of();
        }
        // What depends on the shift alone is computed once, not once per worker.
        PreparedShift prepared = policy.prepare(shift);
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            Worker w = workers.get(p);
            Decision d = prepared.evaluate(w.facts(), w.history(), at);
            if (d.outcome() != Outcome.INELIGIBLE) {
                out.add(new Match(w.id(), d));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@link #match} for each shift, on {@code threads} threads (1 runs on the caller's
     * thread); the answer is in shift order and does not depend on the thread count.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     * @throws IllegalStateException    if interrupted while waiting (the interrupt is kept)
     */
    public List<List<Match>> matchAll(List<Shift> shifts, Instant at, int threads) {
        List<Shift> all = List.copyOf(Objects.requireNonNull(shifts, "shifts"));
        Objects.requireNonNull(at, "at");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: at least 1");
        }
        if (threads == 1) {
            List<List<Match>> out = new ArrayList<>(all.size());
            for (Shift s : all) {
                out.add(match(s, at));
            }
            return List.copyOf(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Match>>> futures = new ArrayList<>(all.size());
            for (Shift s : all) {
                futures.add(pool.submit(() -> match(s, at)));
            }
            List<List<Match>> out = new ArrayList<>(all.size());
            for (Future<List<Match>> f : futures) {
                out.add(f.get());
            }
            return List.copyOf(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@link #match} for each shift on {@code threads} threads, handing each shift's answer to
     * {@code sink} on the caller's thread in shift order, with at most {@code 2 * threads}
     * shifts in flight: for a matrix whose decisions do not fit in memory at once (126,000
     * workers by 1,000 shifts is millions of decisions). Deterministic like
     * {@link #matchAll(List, Instant, int)}.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     * @throws IllegalStateException    if interrupted while waiting (the interrupt is kept)
     */
    public void matchEach(List<Shift> shifts, Instant at, int threads, Consumer<List<Match>> sink) {
        List<Shift> all = List.copyOf(Objects.requireNonNull(shifts, "shifts"));
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sink, "sink");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: at least 1");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Deque<Future<List<Match>>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < all.size() || !inFlight.isEmpty()) {
                while (next < all.size() && inFlight.size() < 2 * threads) {
                    Shift s = all.get(next++);
                    inFlight.add(pool.submit(() -> match(s, at)));
                }
                sink.accept(inFlight.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }

    /** Workers the index lets through for {@code shift} (and that are then evaluated); for tests and benchmarks. */
    int evaluatedFor(Shift shift, Instant at) {
        return index.candidates(shift, at).cardinality();
    }

    /**
     * One worker of the pool.
     *
     * @param id      the bank's worker id (unique in the pool; results are in id order)
     * @param facts   the facts of the worker's verified passport
     * @param history the worker's booked and worked shifts
     */
    public record Worker(String id, PassportFacts facts, WorkHistory history) {
        public Worker {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(history, "history");
        }
    }

    /**
     * A worker the policy accepts for the shift (eligible or needing approval).
     *
     * @param workerId the worker's id
     * @param decision the decision, equal to the single evaluator's
     */
    public record Match(String workerId, Decision decision) {
        public Match {
            Objects.requireNonNull(workerId, "workerId");
            Objects.requireNonNull(decision, "decision");
        }
    }
}
