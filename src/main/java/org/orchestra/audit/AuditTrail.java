package org.orchestra.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.Predicate;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's facade: appends entries to the chain, searches them, and verifies the chain.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);
	private static final int BATCH = 500;

	private final AuditEntries entries;
	private final ChainHeads heads;
	private final EntityManager entityManager;

	AuditTrail(AuditEntries entries, ChainHeads heads, EntityManager entityManager) {
		this.entries = entries;
		this.heads = heads;
		this.entityManager = entityManager;
	}

	/**
	 * Appends an entry at the end of the chain. The head row lock keeps concurrent nodes in order. The transaction's
	 * pending changes are written first, so that the head is locked for no longer than the commit.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry append(AuditFacts facts) {
		entityManager.flush();
		ChainHead head = entityManager.find(ChainHead.class, ChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
		AuditEntry entry = entries.insert(new AuditEntry(head.lastSeq() + 1, Instant.now(), facts, head.lastHash()));
		head.advance(entry);
		return entry;
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> search(Filter filter, Pageable page) {
		Specification<AuditEntry> spec = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (filter.organisation() != null) {
				predicates.add(cb.equal(root.get("organisationId"), filter.organisation()));
			}
			if (filter.actor() != null) {
				predicates.add(cb.like(cb.lower(root.get("actor")), "%" + filter.actor().toLowerCase() + "%"));
			}
			if (filter.action() != null) {
				predicates.add(cb.like(root.get("action"), filter.action() + "%"));
			}
			if (filter.from() != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
			}
			if (filter.to() != null) {
				predicates.add(cb.lessThan(root.get("occurredAt"), filter.to()));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		return entries.findAll(spec, PageRequest.of(page.getPageNumber(), page.getPageSize(),
				Sort.by(Sort.Direction.DESC, "seq")));
	}

	/**
	 * Walks the whole chain in order and recomputes every hash. Detects a changed entry (its hash no longer
	 * matches), a removed entry (a gap in the sequence, or a head beyond the last entry) and reordered entries
	 * (a previous-hash link that does not match). Entries appended while the verification runs, after the head
	 * it read, are left for the next verification.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		ChainHead head = heads.head();
		long expectedSeq = 1;
		String previous = GENESIS;
		long checked = 0;
		List<AuditEntry> batch;
		long after = 0;
		boolean beyondHead = false;
		do {
			batch = entries.batchAfter(after, PageRequest.of(0, BATCH));
			for (AuditEntry entry : batch) {
				if (entry.seq() > head.lastSeq()) {
					beyondHead = true;
					break;
				}
				if (entry.seq() != expectedSeq) {
					return Verification.broken(checked, expectedSeq, "missing-entry");
				}
				if (!entry.previousHash().equals(previous)) {
					return Verification.broken(checked, entry.seq(), "broken-link");
				}
				if (!entry.computeHash().equals(entry.hash())) {
					return Verification.broken(checked, entry.seq(), "altered-entry");
				}
				previous = entry.hash();
				expectedSeq++;
				checked++;
				after = entry.seq();
			}
			entityManager.clear();
		}
		while (!beyondHead && batch.size() == BATCH);
		if (head.lastSeq() != checked || !head.lastHash().equals(previous)) {
			return Verification.broken(checked, checked + 1, "truncated-chain");
		}
		return new Verification(true, checked, null, null, previous);
	}

	/** Search criteria; {@code null} means any. */
	public record Filter(@Nullable String organisation, @Nullable String actor, @Nullable String action,
			@Nullable Instant from, @Nullable Instant to) {
	}

	/** Outcome of a verification of the whole chain. */
	public record Verification(boolean valid, long entriesChecked, @Nullable Long firstBrokenSeq,
			@Nullable String reason, @Nullable String headHash) {

		static Verification broken(long checked, long seq, String reason) {
			return new Verification(false, checked, seq, reason, null);
		}
	}
}
