package trimtab.api.rulesets;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Holds the rule sets the service enforces, behind one atomic reference so that a request sees one
 * consistent trio and finishes on it whatever is activated meanwhile.
 *
 * <p>What is in force is decided in MariaDB, not here: the latest activating event of each table. On first
 * start the workbooks shipped in {@code rules/} become version 1 of each table. Every instance polls the
 * activation events (every second by default) and swaps in a newly activated version, so an activation on one
 * instance is enforced by all within the poll interval plus the compile time; approved versions are compiled
 * ahead, so the swap itself is immediate. A start whose active workbook does not compile fails rather than run
 * with no rules.
 */
@Context
public final class RuleSetsInForce {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetsInForce.class);
    /** Compiled versions kept: those in force and a few approved or recently replaced ones (for rollback). */
    private static final int COMPILED_KEPT = 12;
    /** How long a swap waits for the requests still recording decisions of the previous rule sets. */
    private static final long SWAP_WAIT_MILLIS = 2_000;

    private final Transactions transactions;
    private final RuleSetStore store;
    private final AuditTrail audit;
    private final AtomicReference<RulesInForce> current = new AtomicReference<>();
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    private final Map<String, CompiledRuleSet> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
            return size() > COMPILED_KEPT;
        }
    };
    private long seenActivation = -1;

    RuleSetsInForce(Transactions transactions, RuleSetStore store, AuditTrail audit) {
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
        long start = System.nanoTime();
        installShippedDefaults();
        refresh();
        LOG.info("Rule sets in force: {} ({} ms)", current.get().versions(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The rule sets a request starting now works with. */
    public RulesInForce current() {
        return current.get();
    }

    /**
     * The rule sets in force, held until the lease is closed: for a request that records decisions, taken before it
     * decides and closed after its commit. A swap on this instance waits (at most {@value #SWAP_WAIT_MILLIS} ms) for
     * the leases on the old rule sets to close, and requests starting meanwhile wait for the swap, so that this
     * instance's decisions commit in one order: every one made with the old version before any made with the new.
     * Without it a request that took the old version could commit after one that took the new.
     */
    public Lease lease() {
        swapLock.readLock().lock();
        return new Lease(current.get(), swapLock.readLock());
    }

    /** Rule sets held by a request until it has recorded its decisions. */
    public static final class Lease implements AutoCloseable {
        private final RulesInForce rules;
        private final Lock lock;
        private boolean closed;

        private Lease(RulesInForce rules, Lock lock) {
            this.rules = rules;
            this.lock = lock;
        }

        public RulesInForce rules() {
            return rules;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lock.unlock();
            }
        }
    }

    /**
     * Keeps a version compiled at upload, so that activating it later (here) does not compile it again. The
     * version must be the stored one with these exact bytes.
     */
    public synchronized void prepared(CompiledRuleSet ruleSet) {
        compiled.put(key(ruleSet.version().kind(), ruleSet.version().version()), ruleSet);
    }

    /**
     * A stored version compiled: from the cache when it was compiled before (at upload, ahead of activation, or
     * while in force), otherwise compiled now and kept. For a shadow run of a candidate, and to make sure a version
     * compiles before its activation is recorded. Compiling happens outside the lock, so a poll is not held up.
     *
     * @throws java.util.NoSuchElementException when the version is not stored
     * @throws trimtab.engine.rules.RuleSetRejectedException when its workbook does not compile
     */
    public CompiledRuleSet compiled(TableKind kind, int version) {
        synchronized (this) {
            CompiledRuleSet known = compiled.get(key(kind, version));
            if (known != null) {
                return known;
            }
        }
        Workbook workbook = transactions.read(connection -> store.workbook(connection, kind, version))
                .orElseThrow(() -> new java.util.NoSuchElementException(kind + " version " + version + " is not stored"));
        CompiledRuleSet fresh = RuleSetCompilers.compile(kind, version, workbook);
        prepared(fresh);
        return fresh;
    }

    /**
     * Reads which versions are in force and swaps if that changed; also compiles approved versions ahead.
     * Runs on a schedule, and right after this instance records an activation.
     */
    @Scheduled(fixedDelay = "${trimtab.rule-sets.poll-interval:1s}", initialDelay = "${trimtab.rule-sets.poll-interval:1s}")
    public synchronized void refresh() {
        transactions.read(connection -> {
            long lastActivation = store.lastActivationEventId(connection);
            if (lastActivation != seenActivation) {
                Map<TableKind, Integer> active = store.activeVersions(connection);
                Map<TableKind, CompiledRuleSet> sets = new EnumMap<>(TableKind.class);
                for (TableKind kind : TableKind.values()) {
                    Integer version = active.get(kind);
                    if (version == null) {
                        throw new IllegalStateException("no version of the " + kind + " table is in force");
                    }
                    sets.put(kind, compiled(connection, kind, version));
                }
                RulesInForce next = RulesInForce.of(sets.get(TableKind.TRIGGERS), sets.get(TableKind.TAX_POLICY),
                        sets.get(TableKind.GUARDRAILS));
                RulesInForce previous = swap(next);
                seenActivation = lastActivation;
                if (previous != null && !previous.versions().equals(next.versions())) {
                    LOG.info("Rule sets in force now: {} (were {})", next.versions(), previous.versions());
                }
            }
            for (StoredRuleSet approved : store.approvedNotActivated(connection)) {
                compiled(connection, approved.kind(), approved.version());
            }
            return null;
        });
    }

    /**
     * Swaps once the requests holding a lease have recorded their decisions. A request stuck longer than the wait
     * (a database stall) does not hold the swap up: it then commits after some decisions of the new version, which
     * still each name the version that made them.
     */
    private RulesInForce swap(RulesInForce next) {
        boolean drained = false;
        try {
            drained = swapLock.writeLock().tryLock(SWAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return current.getAndSet(next);
        } finally {
            if (drained) {
                swapLock.writeLock().unlock();
            } else {
                LOG.warn("Swapped rule sets while requests begun on the previous ones were still recording (waited {} ms)",
                        SWAP_WAIT_MILLIS);
            }
        }
    }

    private CompiledRuleSet compiled(Connection connection, TableKind kind, int version) throws SQLException {
        String key = key(kind, version);
        CompiledRuleSet known = compiled.get(key);
        if (known != null) {
            return known;
        }
        Workbook workbook = store.workbook(connection, kind, version)
                .orElseThrow(() -> new IllegalStateException(kind + " version " + version + " is not stored"));
        CompiledRuleSet fresh = RuleSetCompilers.compile(kind, version, workbook);
        compiled.put(key, fresh);
        return fresh;
    }

    /** On a database with no rule sets, the shipped workbooks become version 1 of each table, in force. */
    private void installShippedDefaults() {
        try {
            transactions.write(connection -> {
                if (!store.activeVersions(connection).isEmpty()) {
                    return null;
                }
                for (TableKind kind : TableKind.values()) {
                    Workbook workbook = ShippedRules.workbook(kind);
                    CompiledRuleSet ruleSet = RuleSetCompilers.compile(kind, 1, workbook);
                    int version = store.addVersion(connection, kind, workbook, ruleSet.ruleCount(), Actor.SERVICE.name(),
                            "shipped with Trimtab (rules/" + workbook.fileName() + ")");
                    String reason = "the shipped workbook is in force on a new installation";
                    long seq = audit.append(connection, List.of(new AuditRecord("RULE_SET_ACTIVATED", kind + ":" + version,
                            Actor.SERVICE.name(), RulesInForce.recorded(ruleSet.version()), workbook.sha256(),
                            "{\"table\":\"" + kind + "\",\"version\":" + version + ",\"reason\":\"" + reason + "\"}"))).get(0);
                    store.addEvent(connection, kind, version, RuleSetEventType.ACTIVATED, Actor.SERVICE.name(), reason, seq);
                    compiled.put(key(kind, version), ruleSet);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!(rootCause(e) instanceof SQLIntegrityConstraintViolationException)) {
                throw e;
            }
            // another instance installed them at the same moment; theirs are in force
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String key(TableKind kind, int version) {
        return kind + ":" + version;
    }
}
