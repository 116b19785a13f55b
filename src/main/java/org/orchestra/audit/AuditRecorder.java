package org.orchestra.audit;

import org.orchestra.shared.AuditedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every audited event of every module to the trail, in the publishing transaction, just before it commits:
 * the change and its entry are stored together or not at all, and the entry is in the trail as soon as the change
 * is visible. The chain's head stays locked from the append to the commit, which orders the entries as the
 * transactions commit. An event published by a read-only transaction (a read that is audited) is written in a
 * transaction of its own.
 */
@Component
class AuditRecorder {

	private final AuditTrail trail;
	private final TransactionTemplate separately;

	AuditRecorder(AuditTrail trail, PlatformTransactionManager transactions) {
		this.trail = trail;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AuditedEvent event) {
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			separately.executeWithoutResult(status -> trail.append(event.auditFacts()));
		}
		else {
			trail.append(event.auditFacts());
		}
	}
}
