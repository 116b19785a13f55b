package org.orchestra.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.identity.SignInRecorded;
import org.orchestra.shared.AuditFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit with its direct dependencies: any audited event of another module lands in the chain. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class AuditModuleTests {

	@Autowired
	AuditTrail trail;

	@Test
	void anAuditedEventOfAnotherModuleIsAppendedToTheChain(Scenario scenario) {
		String username = "audit-module-" + UUID.randomUUID();
		scenario.publish(new SignInRecorded(username, "commune-21009", AuditFacts.FAILURE, "password", null, "fr"))
			.andWaitForStateChange(() -> trail
				.search(new AuditTrail.Filter(null, username, null, null, null), PageRequest.of(0, 10))
				.getContent(), entries -> !entries.isEmpty())
			.andVerify(entries -> {
				AuditEntry entry = entries.get(0);
				assertThat(entry.action()).isEqualTo("identity.sign-in");
				assertThat(entry.outcome()).isEqualTo(AuditFacts.FAILURE);
				assertThat(entry.organisationId()).isEqualTo("commune-21009");
				assertThat(trail.verify().valid()).isTrue();
			});
	}
}
