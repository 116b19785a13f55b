package org.orchestra.forms;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Personal answers are erased after the form's retention period; the rest of the record stays. */
class FormsRetentionTests extends FormsTestSupport {

	@Autowired
	FormRetention retention;

	@Test
	void personalAnswersAreErasedAfterTheRetentionPeriodAndTheRestIsKept() throws Exception {
		realGeography();
		String key = unique("retained");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES);
		MockHttpSession citizen = login("citizen.demo");
		UUID old = start(citizen, key);
		step(citizen, old, 0, null, "f_kind", "b", "f_detail", "Personal detail");
		step(citizen, old, 1, null, "lon", Double.toString(FLAGEY[0]), "lat", Double.toString(FLAGEY[1]), "f_note",
				"Not personal");
		submit(citizen, old, IXELLES);
		UUID recent = start(citizen, key);
		step(citizen, recent, 0, null, "f_kind", "b", "f_detail", "Recent personal detail");
		step(citizen, recent, 1, null, "lon", Double.toString(FLAGEY[0]), "lat", Double.toString(FLAGEY[1]));
		submit(citizen, recent, IXELLES);
		jdbc.update("update forms_submission set submitted_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), old);

		assertThat(retention.run(Instant.now())).isGreaterThanOrEqualTo(1);
		assertThat(answers(old)).doesNotContain("Personal detail").doesNotContain("\"where\"").contains("Not personal", "\"kind\"");
		assertThat(jdbc.queryForObject("select erased_at from forms_submission where id = ?", Instant.class, old)).isNotNull();
		assertThat(jdbc.queryForObject("select email from forms_submission where id = ?", String.class, old)).isNull();
		assertThat(stateOf(old)).isEqualTo("RECEIVED");
		assertThat(jdbc.queryForObject("select reference from forms_submission where id = ?", String.class, old)).isNotNull();
		assertThat(answers(recent)).contains("Recent personal detail");

		// running again erases nothing more; the administrator's trigger runs the same rules
		assertThat(retention.run(Instant.now())).isZero();
		mvc.perform(post("/designer/forms/retention").session(login("admin.region")).with(csrf()));
		assertThat(answers(recent)).contains("Recent personal detail");
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'forms.form.erased' and target_id = ?", Integer.class,
				key)).isEqualTo(1));
	}
}
