package org.orchestra.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.identity.MembershipGranted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications with their direct dependencies: a new membership queues an e-mail in the member's language. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class NotificationModuleTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNewMembershipQueuesAnEmail(Scenario scenario) {
		String email = "member-" + UUID.randomUUID() + "@example.org";
		scenario.publish(new MembershipGranted(UUID.randomUUID(), UUID.randomUUID(), "someone", email, "cpas-21001",
				"agent", "admin", "nl"))
			.andWaitForStateChange(() -> jdbc.queryForList(
					"select subject from notification_message where recipient = ?", String.class, email),
					subjects -> !subjects.isEmpty())
			.andVerify(subjects -> assertThat(subjects).containsExactly("U hebt een nieuwe rol bij OCMW Anderlecht"));
	}
}
