package org.orchestra.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit chain verifies, and fails once a row is altered, removed or reordered directly in the database.
 * Each test restores what it tampered with.
 */
class AuditTrailTests extends PlatformTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	long first;
	long second;
	long third;

	@BeforeEach
	void appendThreeEntries() {
		// let event listeners still at work for earlier requests finish (their transactions may append), so that no
		// append races the tampering below
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null", Integer.class)).isZero());
		first = trail.append(facts("one")).seq();
		second = trail.append(facts("two")).seq();
		third = trail.append(facts("three")).seq();
	}

	@Test
	void entriesAreChainedAndTheChainVerifies() {
		AuditEntry middle = row(second);
		assertThat(middle.previousHash()).isEqualTo(row(first).hash());
		assertThat(row(third).previousHash()).isEqualTo(middle.hash());
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void anAlteredRowBreaksTheChain() {
		String original = jdbc.queryForObject("select details from audit_entry where seq = ?", String.class, second);
		jdbc.update("update audit_entry set details = 'nothing to see' where seq = ?", second);
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(second);
			assertThat(result.reason()).isEqualTo("altered-entry");
		}
		finally {
			jdbc.update("update audit_entry set details = ? where seq = ?", original, second);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void aRemovedRowBreaksTheChain() {
		Map<String, Object> saved = jdbc.queryForMap("select * from audit_entry where seq = ?", second);
		jdbc.update("delete from audit_entry where seq = ?", second);
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.reason()).isEqualTo("missing-entry");
			assertThat(result.firstBrokenSeq()).isEqualTo(second);
		}
		finally {
			restore(saved);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void reorderedRowsBreakTheChain() {
		Map<String, Object> a = jdbc.queryForMap("select * from audit_entry where seq = ?", second);
		Map<String, Object> b = jdbc.queryForMap("select * from audit_entry where seq = ?", third);
		jdbc.update("delete from audit_entry where seq in (?, ?)", second, third);
		Map<String, Object> swappedA = new java.util.HashMap<>(b);
		swappedA.put("seq", second);
		Map<String, Object> swappedB = new java.util.HashMap<>(a);
		swappedB.put("seq", third);
		restore(swappedA);
		restore(swappedB);
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(second);
		}
		finally {
			jdbc.update("delete from audit_entry where seq in (?, ?)", second, third);
			restore(a);
			restore(b);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void removingTheLastRowsIsDetected() {
		Map<String, Object> last = jdbc.queryForMap("select * from audit_entry where seq = (select max(seq) from audit_entry)");
		jdbc.update("delete from audit_entry where seq = ?", last.get("seq"));
		try {
			assertThat(trail.verify().reason()).isEqualTo("truncated-chain");
		}
		finally {
			restore(last);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void auditorsVerifyThroughTheApiAndThePage() throws Exception {
		MockHttpSession auditor = login("auditor.region");
		mvc.perform(get("/api/audit/verification").session(auditor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
		mvc.perform(post("/audit/verification").session(auditor).with(csrf()).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De keten is intact")));
		jdbc.update("update audit_entry set actor = 'mallory' where seq = ?", first);
		try {
			mvc.perform(get("/api/audit/verification").session(auditor))
				.andExpect(jsonPath("$.valid").value(false))
				.andExpect(jsonPath("$.firstBrokenSeq").value(first));
		}
		finally {
			jdbc.update("update audit_entry set actor = 'test' where seq = ?", first);
		}
	}

	@Test
	void organisationAdministratorsReadOnlyTheirOwnOrganisationsTrail() throws Exception {
		trail.append(new AuditFacts("someone", "commune-21015", "test.schaerbeek", "thing", "1", AuditFacts.SUCCESS, "-"));
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(get("/api/audit/entries").session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[*].organisation", everyItem(is("commune-21009"))));
		mvc.perform(get("/api/audit/entries").param("organisation", "commune-21015").session(admin))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/audit/verification").session(admin)).andExpect(status().isForbidden());
		mvc.perform(get("/audit").session(admin)).andExpect(status().isOk());
		mvc.perform(get("/audit").session(login("agent.ixelles"))).andExpect(status().isForbidden());
	}

	@Test
	void theAuditPageFiltersAndExplainsBadDates() throws Exception {
		MockHttpSession auditor = login("auditor.region");
		mvc.perform(get("/audit").param("action", "test.").param("from", "yesterday").session(auditor)
			.header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("AAAA-MM-JJ")))
			.andExpect(content().string(containsString("test.entry")));
	}

	@Test
	void anAuditedEventIsInTheTrailWhenItsTransactionCommitsAndNotWhenItRollsBack() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String kept = "kept-" + UUID.randomUUID();
		String dropped = "dropped-" + UUID.randomUUID();
		String read = "read-" + UUID.randomUUID();

		tx.executeWithoutResult(status -> events.publishEvent(new Recorded(facts(kept))));
		// no waiting: the transaction wrote its entry itself
		assertThat(entriesWith(kept)).isOne();

		tx.executeWithoutResult(status -> {
			events.publishEvent(new Recorded(facts(dropped)));
			status.setRollbackOnly();
		});
		assertThat(entriesWith(dropped)).isZero();

		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult(status -> events.publishEvent(new Recorded(facts(read))));
		assertThat(entriesWith(read)).isOne();
		assertThat(trail.verify().valid()).isTrue();
	}

	record Recorded(AuditFacts auditFacts) implements AuditedEvent {
	}

	private int entriesWith(String details) {
		return jdbc.queryForObject("select count(*) from audit_entry where details = ?", Integer.class, details);
	}

	private AuditEntry row(long seq) {
		return trail.search(new AuditTrail.Filter(null, null, null, null, null),
				org.springframework.data.domain.PageRequest.of(0, 1000))
			.stream()
			.filter(e -> e.seq() == seq)
			.findFirst()
			.orElseThrow();
	}

	private void restore(Map<String, Object> row) {
		jdbc.update("""
				insert into audit_entry (seq, occurred_at, actor, organisation_id, action, target_type, target_id,
				  outcome, details, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("seq"),
				row.get("occurred_at"), row.get("actor"), row.get("organisation_id"), row.get("action"),
				row.get("target_type"), row.get("target_id"), row.get("outcome"), row.get("details"),
				row.get("previous_hash"), row.get("hash"));
	}

	private static AuditFacts facts(String details) {
		return new AuditFacts("test", "commune-21009", "test.entry", "thing", details, AuditFacts.SUCCESS, details);
	}

	@AfterEach
	void chainStaysIntact() {
		assertThat(trail.verify().valid()).as("tests restore the chain").isTrue();
	}

}
