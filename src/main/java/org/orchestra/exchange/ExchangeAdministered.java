package org.orchestra.exchange;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** An administrative change of the exchange: a client registered or disabled, a right requested or decided. */
public record ExchangeAdministered(String actor, String partner, String action, String target) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, partner, "exchange." + action, "exchange", target, AuditFacts.SUCCESS, action);
	}
}
