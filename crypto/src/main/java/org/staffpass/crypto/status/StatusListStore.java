package org.staffpass.crypto.status;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;

/**
 * An offline cache of verified status lists, answering "what is the status of entry
 * {@code idx} of list {@code uri}?" with a freshness policy.
 *
 * <p><b>Loading.</b> Tokens come from strings ({@link #load}) or from the {@code *.jwt} files
 * of a directory ({@link #loadDirectory}); each is verified by a {@link StatusListVerifier}
 * with the trusted keys before it is stored, and each gives a {@link LoadResult} naming its
 * source: a bad token or file is reported, never skipped in silence, and never stops the load.
 * Per URI ({@code sub}) the store keeps the token with the latest {@code iat}: an older token,
 * or another with the same {@code iat}, never replaces the one held. The store holds at most
 * {@link Builder#maxLists} lists and {@link Builder#maxTotalBytes} inflated bytes.
 *
 * <p><b>Looking up.</b> {@link #lookup} answers {@link StatusLookup.Known} only from a list that
 * is fresh at the store clock's instant; otherwise {@link StatusLookup.Unavailable} with
 * {@link ReasonCode#STATUS_LIST_UNKNOWN} (no list with that URI),
 * {@link ReasonCode#STATUS_LIST_STALE} ({@code now - iat > maxAge}, or {@code now >= exp}) or
 * {@link ReasonCode#STATUS_INDEX_OUT_OF_RANGE}. The fail-closed question is
 * {@link #isValid(StatusReference)}: true only for a known VALID entry of a fresh list. A
 * lookup is a map read and an array index, without locks.
 *
 * <p>Thread-safe: lookups may run during loads and see the list held before or after.
 *
 * <p>Logs through {@link System.Logger} (name {@code org.staffpass.crypto.status.StatusListStore})
 * one WARNING per held list, the first time a lookup finds it stale: from then on every
 * credential on that list is refused until a newer list is loaded, which an operator must fix
 * by fetching lists. Messages name the list's URI and times, never entries.
 *
 * @since 0.1
 */
public final class StatusListStore {
    private static final System.Logger LOG = System.getLogger(StatusListStore.class.getName());

    /** Default bound on how many lists (URIs) the store holds. */
    public static final int DEFAULT_MAX_LISTS = 1024;
    /** Default bound on the inflated bytes of all lists held together: 256 MiB. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 256L << 20;
    /** Files {@link #loadDirectory} reads end with this. */
    public static final String FILE_SUFFIX = ".jwt";
    /** White space allowed around a token in a file, beyond the token length bound. */
    private static final int FILE_SLACK = 64;

    private final StatusListVerifier verifier;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxLists;
    private final long maxTotalBytes;
    private final int maxFileBytes;
    private final ConcurrentHashMap<String, Held> lists = new ConcurrentHashMap<>();
    private final Object loadLock = new Object();
    private long totalBytes;

    /**
     * A verified list with the instants its freshness ends, computed once at load, and whether
     * its staleness has been logged (once per list, not once per lookup).
     */
    private record Held(StatusListToken token, Instant freshUntil, Optional<Instant> expiresAt, int size,
                        AtomicBoolean staleLogged) {
    }

    private StatusListStore(Builder builder) {
        StatusListVerifier.Builder verifierBuilder = StatusListVerifier.builder()
                .keys(builder.keys).clock(builder.clock).maxTokenLength(builder.maxTokenLength)
                .maxListBytes(builder.maxListBytes);
        builder.maxSkew.ifPresent(verifierBuilder::maxSkew);
        this.verifier = verifierBuilder.build();
        this.clock = builder.clock;
        this.maxAge = builder.maxAge;
        this.maxLists = builder.maxLists;
        this.maxTotalBytes = builder.maxTotalBytes;
        this.maxFileBytes = builder.maxTokenLength + FILE_SLACK;
    }

    /** A builder; trusted keys, clock and maximum age are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies one compact token and stores it if it is the newest for its URI.
     *
     * @param source names the token in the result (a file name, a URL): never parsed
     */
    public LoadResult load(String source, String compact) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(compact, "compact");
        Verification<StatusListToken> verified = verifier.verify(compact);
        if (verified instanceof Verification.Rejected<StatusListToken> r) {
            return new LoadResult.Rejected(source, r.reason(), r.message());
        }
        return store(source, verified.value());
    }

    private LoadResult store(String source, StatusListToken token) {
        StatusList list = token.statusList();
        Held candidate = new Held(token, token.issuedAt().plus(maxAge), token.expiresAt(), list.size(),
                new AtomicBoolean());
        synchronized (loadLock) {
            Held held = lists.get(token.uri());
            if (held != null && !token.issuedAt().isAfter(held.token().issuedAt())) {
                return new LoadResult.NotNewer(source, token.uri(), token.issuedAt(), held.token().issuedAt());
            }
            if (held == null && lists.size() >= maxLists) {
                return new LoadResult.Rejected(source, ReasonCode.TOO_LARGE,
                        "the store already holds its maximum of " + maxLists + " status lists");
            }
            long after = totalBytes - (held == null ? 0 : held.token().statusList().byteLength()) + list.byteLength();
            if (after > maxTotalBytes) {
                return new LoadResult.Rejected(source, ReasonCode.TOO_LARGE, "storing this list would bring the store to "
                        + after + " inflated bytes; its bound is " + maxTotalBytes);
            }
            lists.put(token.uri(), candidate);
            totalBytes = after;
            return new LoadResult.Stored(source, token.uri(), token.issuedAt(),
                    held == null ? Optional.empty() : Optional.of(held.token().issuedAt()));
        }
    }

    /**
     * Loads every regular file named {@code *.jwt} in {@code directory} (not its
     * subdirectories), in file-name order, one result per file naming it. A file longer than the
     * token bound is {@link ReasonCode#TOO_LARGE} and is not read past the bound; a file that
     * cannot be read is {@link LoadResult.Unreadable}. White space around the token is ignored.
     *
     * @throws IOException only if the directory itself cannot be listed
     */
    public List<LoadResult> loadDirectory(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + FILE_SUFFIX)) {
            for (Path entry : entries) {
                files.add(entry);
            }
        }
        files.sort(null);
        List<LoadResult> results = new ArrayList<>(files.size());
        for (Path file : files) {
            results.add(loadFile(file));
        }
        return List.copyOf(results);
    }

    private LoadResult loadFile(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            return new LoadResult.Unreadable(source, "not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxFileBytes + 1);
        } catch (IOException e) {
            return new LoadResult.Unreadable(source, "cannot be read: " + e.getClass().getSimpleName());
        }
        if (bytes.length > maxFileBytes) {
            return new LoadResult.Rejected(source, ReasonCode.TOO_LARGE,
                    "file is larger than " + maxFileBytes + " bytes, the bound for one status list token");
        }
        return load(source, new String(bytes, StandardCharsets.UTF_8).strip());
    }

    /**
     * The status of entry {@code index} of the list {@code uri}, if a verified list with that
     * URI is held and fresh now; see {@link StatusLookup}.
     */
    public StatusLookup lookup(String uri, long index) {
        Objects.requireNonNull(uri, "uri");
        Held held = lists.get(uri);
        if (held == null) {
            return new StatusLookup.Unavailable(ReasonCode.STATUS_LIST_UNKNOWN,
                    "no verified status list " + printable(uri) + " is held");
        }
        Instant now = clock.instant();
        if (now.isAfter(held.freshUntil())) {
            return stale(held, "status list " + printable(uri) + " was issued at " + held.token().issuedAt()
                    + ", more than the maximum age " + maxAge + " ago");
        }
        if (held.expiresAt().isPresent() && !now.isBefore(held.expiresAt().get())) {
            return stale(held, "status list " + printable(uri) + " expired at " + held.expiresAt().get());
        }
        if (index < 0 || index >= held.size()) {
            return new StatusLookup.Unavailable(ReasonCode.STATUS_INDEX_OUT_OF_RANGE, "index " + index
                    + " is outside status list " + printable(uri) + " of " + held.size() + " entries");
        }
        return new StatusLookup.Known(uri, index, TokenStatus.of(held.token().statusList().valueAt((int) index)),
                held.token().issuedAt());
    }

    private static StatusLookup stale(Held held, String message) {
        if (held.staleLogged().compareAndSet(false, true)) {
            LOG.log(Level.WARNING, () -> ReasonCode.STATUS_LIST_STALE + ": " + message
                    + "; its entries are refused until a newer list is loaded");
        }
        return new StatusLookup.Unavailable(ReasonCode.STATUS_LIST_STALE, message);
    }

    /** {@link #lookup(String, long)} for a referenced token's {@code status_list} claim. */
    public StatusLookup lookup(StatusReference reference) {
        Objects.requireNonNull(reference, "reference");
        return lookup(reference.uri(), reference.index());
    }

    /**
     * The fail-closed check: true only if a verified, fresh list with that URI is held and the
     * entry is VALID. Unknown list, stale list, index out of range, INVALID, SUSPENDED and every
     * other value answer false.
     */
    public boolean isValid(String uri, long index) {
        return lookup(uri, index).isFreshValid();
    }

    /** {@link #isValid(String, long)} for a referenced token's {@code status_list} claim. */
    public boolean isValid(StatusReference reference) {
        return lookup(reference).isFreshValid();
    }

    /** The token held for {@code uri}, fresh or not. */
    public Optional<StatusListToken> token(String uri) {
        Held held = lists.get(Objects.requireNonNull(uri, "uri"));
        return held == null ? Optional.empty() : Optional.of(held.token());
    }

    /** How many lists are held. */
    public int size() {
        return lists.size();
    }

    /** The freshness bound: a list older than this (by {@code iat}) answers STALE. */
    public Duration maxAge() {
        return maxAge;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < 100; i++) {
            char c = text.charAt(i);
            out.append(c > 0x20 && c < 0x7F && c != '\'' ? c : '?');
        }
        return out.append(text.length() > 100 ? "...'" : "'").toString();
    }

    @Override
    public String toString() {
        return "StatusListStore[" + lists.size() + " lists, maxAge=" + maxAge + "]";
    }

    /**
     * What happened to one token offered to the store; {@code source} names it as the caller
     * did (for files, the path).
     */
    public sealed interface LoadResult
            permits LoadResult.Stored, LoadResult.NotNewer, LoadResult.Rejected, LoadResult.Unreadable {

        /** The source the result is about. */
        String source();

        /** Whether the token verified and is now the one held for its URI. */
        default boolean isStored() {
            return this instanceof Stored;
        }

        /**
         * Verified and stored: now the list held for {@code uri}.
         *
         * @param replacedIssuedAt the {@code iat} of the list it replaced, if there was one
         */
        record Stored(String source, String uri, Instant issuedAt, Optional<Instant> replacedIssuedAt)
                implements LoadResult {
            public Stored {
                Objects.requireNonNull(source, "source");
                Objects.requireNonNull(uri, "uri");
                Objects.requireNonNull(issuedAt, "issuedAt");
                Objects.requireNonNull(replacedIssuedAt, "replacedIssuedAt");
            }
        }

        /**
         * Verified but not stored: the store already holds a list for {@code uri} issued at the
         * same time or later ({@code heldIssuedAt}).
         */
        record NotNewer(String source, String uri, Instant issuedAt, Instant heldIssuedAt) implements LoadResult {
            public NotNewer {
                Objects.requireNonNull(source, "source");
                Objects.requireNonNull(uri, "uri");
                Objects.requireNonNull(issuedAt, "issuedAt");
                Objects.requireNonNull(heldIssuedAt, "heldIssuedAt");
            }
        }

        /** The token failed verification or a store bound; nothing was stored. */
        record Rejected(String source, ReasonCode reason, String message) implements LoadResult {
            public Rejected {
                Objects.requireNonNull(source, "source");
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(message, "message");
            }
        }

        /** The file could not be read (or is not a regular file); nothing was stored. */
        record Unreadable(String source, String message) implements LoadResult {
            public Unreadable {
                Objects.requireNonNull(source, "source");
                Objects.requireNonNull(message, "message");
            }
        }
    }

    /**
     * Configures a {@link StatusListStore}. Each setter may be called once; {@link #build()}
     * names what is missing.
     */
    public static final class Builder {
        private Collection<VerificationKey> keys;
        private Clock clock;
        private Duration maxAge;
        private Optional<Duration> maxSkew = Optional.empty();
        private int maxListBytes = StatusListVerifier.DEFAULT_MAX_LIST_BYTES;
        private boolean maxListBytesSet;
        private int maxTokenLength = StatusListVerifier.DEFAULT_MAX_TOKEN_LENGTH;
        private boolean maxTokenLengthSet;
        private int maxLists = DEFAULT_MAX_LISTS;
        private boolean maxListsSet;
        private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
        private boolean maxTotalBytesSet;

        private Builder() {
        }

        /**
         * The keys trusted to sign status lists; the header {@code kid} chooses one (with more than
         * one key each needs a distinct {@code kid}).
         */
        public Builder trustedKeys(Collection<VerificationKey> keys) {
            if (this.keys != null) {
                throw new IllegalStateException("trustedKeys already set");
            }
            List<VerificationKey> copy = List.copyOf(keys);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("at least one trusted key is required");
            }
            this.keys = copy;
            return this;
        }

        /** The clock for verifying time claims and for freshness at lookup. */
        public Builder clock(Clock clock) {
            if (this.clock != null) {
                throw new IllegalStateException("clock already set");
            }
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How old (by {@code iat}) a list may be and still answer lookups; positive. */
        public Builder maxAge(Duration maxAge) {
            if (this.maxAge != null) {
                throw new IllegalStateException("maxAge already set");
            }
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /** Skew allowed on time claims when loading; see {@link StatusListVerifier.Builder#maxSkew}. */
        public Builder maxSkew(Duration skew) {
            if (maxSkew.isPresent()) {
                throw new IllegalStateException("maxSkew already set");
            }
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(StatusListVerifier.SKEW_CEILING) > 0) {
                throw new IllegalArgumentException("maxSkew must be between 0 and " + StatusListVerifier.SKEW_CEILING
                        + ", was " + skew);
            }
            this.maxSkew = Optional.of(skew);
            return this;
        }

        /** Largest inflated list; see {@link StatusListVerifier.Builder#maxListBytes}. */
        public Builder maxListBytes(int maxListBytes) {
            if (maxListBytesSet) {
                throw new IllegalStateException("maxListBytes already set");
            }
            if (maxListBytes < 1 || maxListBytes > StatusList.MAX_BYTES) {
                throw new IllegalArgumentException("maxListBytes must be between 1 and " + StatusList.MAX_BYTES
                        + ", was " + maxListBytes);
            }
            this.maxListBytes = maxListBytes;
            this.maxListBytesSet = true;
            return this;
        }

        /**
         * Longest token, in characters; see {@link StatusListVerifier.Builder#maxTokenLength}. Files
         * may be 64 bytes longer, for white space around the token.
         */
        public Builder maxTokenLength(int maxTokenLength) {
            if (maxTokenLengthSet) {
                throw new IllegalStateException("maxTokenLength already set");
            }
            if (maxTokenLength < 16 || maxTokenLength > Integer.MAX_VALUE - 2 * FILE_SLACK) {
                throw new IllegalArgumentException("maxTokenLength must be between 16 and "
                        + (Integer.MAX_VALUE - 2 * FILE_SLACK) + ", was " + maxTokenLength);
            }
            this.maxTokenLength = maxTokenLength;
            this.maxTokenLengthSet = true;
            return this;
        }

        /** Most lists (distinct URIs) held; at least 1, default {@link #DEFAULT_MAX_LISTS}. */
        public Builder maxLists(int maxLists) {
            if (maxListsSet) {
                throw new IllegalStateException("maxLists already set");
            }
            if (maxLists < 1) {
                throw new IllegalArgumentException("maxLists must be at least 1, was " + maxLists);
            }
            this.maxLists = maxLists;
            this.maxListsSet = true;
            return this;
        }

        /** Most inflated bytes held over all lists; at least 1, default {@link #DEFAULT_MAX_TOTAL_BYTES}. */
        public Builder maxTotalBytes(long maxTotalBytes) {
            if (maxTotalBytesSet) {
                throw new IllegalStateException("maxTotalBytes already set");
            }
            if (maxTotalBytes < 1) {
                throw new IllegalArgumentException("maxTotalBytes must be at least 1, was " + maxTotalBytes);
            }
            this.maxTotalBytes = maxTotalBytes;
            this.maxTotalBytesSet = true;
            return this;
        }

        /**
         * The store.
         *
         * @throws IllegalStateException if trusted keys, clock or maximum age are missing
         * @throws IllegalArgumentException if the keys cannot be told apart by {@code kid}, or a
         *     bound is out of its range
         */
        public StatusListStore build() {
            if (keys == null) {
                throw new IllegalStateException("a StatusListStore needs trustedKeys(...)");
            }
            if (clock == null) {
                throw new IllegalStateException("a StatusListStore needs clock(...)");
            }
            if (maxAge == null) {
                throw new IllegalStateException("a StatusListStore needs maxAge(...): how old a list may be and still count");
            }
            return new StatusListStore(this);
        }
    }
}
